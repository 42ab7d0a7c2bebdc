import { caseReferralStatus, mayProposeReferralFrom } from './referral-sources';

describe('referrals proposed from a case', () => {
  it('are proposed from enforcement cases, not from accidents or referrals', () => {
    expect(mayProposeReferralFrom('PENALTY')).toBe(true);
    expect(mayProposeReferralFrom('INSPECTION')).toBe(true);
    expect(mayProposeReferralFrom('COMPLAINT')).toBe(true);
    expect(mayProposeReferralFrom('SUPERVISION')).toBe(true);
    expect(mayProposeReferralFrom('SUMMONS')).toBe(false);
    expect(mayProposeReferralFrom('ACCIDENT')).toBe(false);
    expect(mayProposeReferralFrom('DISCIPLINE_REFERRAL')).toBe(false);
  });

  it('show the proposal until it is sent, then the receiving body’s progress', () => {
    expect(caseReferralStatus('PROPOSED', null)).toBe('PROPOSED');
    expect(caseReferralStatus('REJECTED', null)).toBe('REJECTED');
    expect(caseReferralStatus('APPROVED', null)).toBe('APPROVED');
    expect(caseReferralStatus('APPROVED', 'SENT')).toBe('APPROVED');
    expect(caseReferralStatus('APPROVED', 'ACKNOWLEDGED')).toBe('ACKNOWLEDGED');
    expect(caseReferralStatus('APPROVED', 'ANSWERED')).toBe('ANSWERED');
  });
});
