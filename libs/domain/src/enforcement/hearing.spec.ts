import { hearingGrounds, isHearingEligible } from './hearing';
import { penaltyPolicy } from './policy';

describe('isHearingEligible (行政处罚法 Art.63)', () => {
  it.each([
    ['INDIVIDUAL', 9_999.99, false],
    ['INDIVIDUAL', 10_000, true],
    ['ORGANISATION', 29_999.99, false],
    ['ORGANISATION', 30_000, true],
  ] as const)('%s fined %d → %s (default thresholds, UNVERIFIED)', (partyType, fineYuan, eligible) => {
    expect(isHearingEligible({ partyType, measures: ['FINE'], fineYuan })).toBe(eligible);
  });

  it('uses the jurisdiction thresholds', () => {
    const p = penaltyPolicy({ largeFineThresholdYuan: { INDIVIDUAL: 20_000, ORGANISATION: 50_000 } });
    expect(isHearingEligible({ partyType: 'ORGANISATION', measures: ['FINE'], fineYuan: 30_000 }, p)).toBe(false);
    expect(isHearingEligible({ partyType: 'ORGANISATION', measures: ['FINE'], fineYuan: 50_000 }, p)).toBe(true);
  });

  it.each([
    'QUALIFICATION_DOWNGRADE',
    'LICENCE_REVOCATION',
    'SUSPEND_PRODUCTION',
    'CLOSURE',
    'PRACTICE_RESTRICTION',
  ] as const)('%s is always eligible', (m) => {
    expect(isHearingEligible({ partyType: 'INDIVIDUAL', measures: [m] })).toBe(true);
  });

  it('is not eligible for a warning, criticism or licence suspension alone', () => {
    expect(
      isHearingEligible({ partyType: 'ORGANISATION', measures: ['WARNING', 'CRITICISM', 'LICENCE_SUSPENSION'] }),
    ).toBe(false);
  });

  it('covers large confiscations and other heavy penalties', () => {
    expect(hearingGrounds({ partyType: 'INDIVIDUAL', measures: ['CONFISCATION'], confiscationYuan: 10_000 })).toEqual([
      'LARGE_CONFISCATION',
    ]);
    expect(hearingGrounds({ partyType: 'INDIVIDUAL', measures: ['CONFISCATION'], confiscationYuan: 9_999 })).toEqual(
      [],
    );
    expect(hearingGrounds({ partyType: 'INDIVIDUAL', measures: [], otherHeavyPenalty: true })).toEqual([
      'OTHER_HEAVY_PENALTY',
    ]);
  });

  it('lists all grounds', () => {
    expect(
      hearingGrounds({
        partyType: 'ORGANISATION',
        measures: ['FINE', 'SUSPEND_PRODUCTION', 'SUSPEND_PRODUCTION'],
        fineYuan: 200_000,
      }),
    ).toEqual(['LARGE_FINE', 'SUSPEND_PRODUCTION']);
  });

  it('rejects malformed amounts', () => {
    expect(() => isHearingEligible({ partyType: 'INDIVIDUAL', measures: ['FINE'], fineYuan: -1 })).toThrow();
  });
});
