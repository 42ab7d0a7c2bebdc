import { ErrorCode } from '../errors';
import { mayReadInformant } from './confidentiality';
import { assertReceivedAt, matchEnterprise, normaliseContact, trackingCode, TRACKING_CODE_PATTERN } from './intake';
import { complaintPolicy, DEFAULT_COMPLAINT_POLICY, rewardProblem } from './policy';

describe('complaint policy', () => {
  it('starts from the documented defaults and layers overrides outermost first', () => {
    expect(complaintPolicy()).toEqual(DEFAULT_COMPLAINT_POLICY);
    const policy = complaintPolicy(
      { acceptanceWorkingDays: 7 },
      { feedbackWorkingDays: 10, rewardTiers: { GENERAL_HAZARD: { minYuan: 100, maxYuan: 500 } } as never },
    );
    expect(policy.acceptanceWorkingDays).toBe(7);
    expect(policy.feedbackWorkingDays).toBe(10);
    expect(policy.rewardTiers.GENERAL_HAZARD).toEqual({ minYuan: 100, maxYuan: 500 });
    expect(policy.rewardTiers.MAJOR_HAZARD).toEqual(DEFAULT_COMPLAINT_POLICY.rewardTiers.MAJOR_HAZARD);
  });

  it('refuses malformed values', () => {
    expect(() => complaintPolicy({ acceptanceWorkingDays: 0 })).toThrow(
      expect.objectContaining({ code: ErrorCode.OUT_OF_RANGE }),
    );
    expect(() => complaintPolicy({ rewardTiers: { MAJOR_HAZARD: { minYuan: 10, maxYuan: 5 } } as never })).toThrow(
      /rewardTiers.MAJOR_HAZARD/,
    );
    expect(() => complaintPolicy({ acceptanceDays: 3 } as never)).toThrow(
      expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }),
    );
  });

  it('keeps a reward inside the tier of the verified grade', () => {
    const policy = complaintPolicy();
    expect(rewardProblem(policy, 'GENERAL_HAZARD', 500)).toBeNull();
    expect(rewardProblem(policy, 'GENERAL_HAZARD', 5000)).toMatch(/between 200 and 3000/);
    expect(rewardProblem(policy, 'MAJOR_HAZARD', 3000)).toBeNull();
  });
});

describe('complaint intake', () => {
  it('makes tracking codes from an alphabet without look-alikes', () => {
    const code = trackingCode(Uint8Array.from([0, 1, 2, 31, 32, 33, 255, 100, 7, 8]));
    expect(code).toMatch(TRACKING_CODE_PATTERN);
    expect(code.slice(0, 5)).toBe('TS234');
    expect(code).not.toMatch(/[01OI]/);
    expect(() => trackingCode(new Uint8Array(3))).toThrow();
  });

  it('refuses a received-on time in the future', () => {
    const now = new Date('2026-03-02T10:00:00+08:00');
    expect(() => assertReceivedAt(new Date('2026-03-02T09:00:00+08:00'), now)).not.toThrow();
    expect(() => assertReceivedAt(new Date('2026-03-03T09:00:00+08:00'), now)).toThrow(
      expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }),
    );
  });

  it('keeps nothing of an anonymous informant and wants a name and a way back for a real-name one', () => {
    expect(normaliseContact({ anonymous: true, name: '张三', phone: '13900001111', address: null })).toEqual({
      anonymous: true,
      name: null,
      phone: null,
      address: null,
    });
    expect(normaliseContact({ anonymous: false, name: ' 张三 ', phone: '13900001111', address: '' })).toEqual({
      anonymous: false,
      name: '张三',
      phone: '13900001111',
      address: null,
    });
    try {
      normaliseContact({ anonymous: false, name: ' ', phone: null, address: null });
      throw new Error('expected a validation failure');
    } catch (error) {
      expect((error as { details: { fields: Array<{ path: string }> } }).details.fields.map((f) => f.path)).toEqual([
        'contact.name',
        'contact.phone',
      ]);
    }
  });

  it('matches a free-text enterprise name to the one directory entry it means', () => {
    const directory = [
      { id: 'a', name: '无锡宏达化工有限公司' },
      { id: 'b', name: '无锡宏达化工储运有限公司' },
      { id: 'c', name: '六安市金山矿业有限责任公司' },
    ];
    expect(matchEnterprise('无锡宏达化工', directory)?.id).toBe('a');
    expect(matchEnterprise('金山矿业', directory)?.id).toBe('c');
    expect(matchEnterprise('宏达', directory)).toBeNull(); // two fit: left to an officer
    expect(matchEnterprise('某某厂', directory)).toBeNull();
    expect(matchEnterprise('', directory)).toBeNull();
  });
});

describe('informant confidentiality', () => {
  const keepers = { departmentId: 'dept-1', registeredBy: 'registrar', handlerIds: ['handler'] };
  it('lets only the registering officer and the handling officers of the handling department read the informant', () => {
    expect(mayReadInformant({ userId: 'registrar', departmentId: 'dept-2' }, keepers)).toBe(true);
    expect(mayReadInformant({ userId: 'handler', departmentId: 'dept-1' }, keepers)).toBe(true);
    expect(mayReadInformant({ userId: 'handler', departmentId: 'dept-2' }, keepers)).toBe(false);
    expect(mayReadInformant({ userId: 'head', departmentId: 'dept-1' }, keepers)).toBe(false);
    expect(mayReadInformant({ userId: 'x', departmentId: 'dept-1' }, { ...keepers, registeredBy: null })).toBe(false);
  });
});
