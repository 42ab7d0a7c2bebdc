import { ErrorCode } from '../errors';
import { errorOf } from '../spec-helpers';
import { accidentDepartmentPolicy, DEFAULT_ACCIDENT_DEPARTMENT_POLICY } from './department-policy';
import { missingNotifications } from './report-notifications';

describe('the accident department policy: the bodies notified under 条例 Art.10(1)', () => {
  it('defaults to the four bodies in the statute order', () => {
    expect(DEFAULT_ACCIDENT_DEPARTMENT_POLICY.notifiedBodies).toEqual([
      'POLICE',
      'HUMAN_RESOURCES_SOCIAL_SECURITY',
      'TRADE_UNION',
      'PROCURATORATE',
    ]);
    expect(accidentDepartmentPolicy()).toEqual(DEFAULT_ACCIDENT_DEPARTMENT_POLICY);
  });
  it('takes the nearest layer and keeps the statute order', () => {
    const policy = accidentDepartmentPolicy(
      { notifiedBodies: ['POLICE', 'TRADE_UNION'] },
      { notifiedBodies: ['TRADE_UNION', 'HUMAN_RESOURCES_SOCIAL_SECURITY', 'POLICE'] },
    );
    expect(policy.notifiedBodies).toEqual(['POLICE', 'HUMAN_RESOURCES_SOCIAL_SECURITY', 'TRADE_UNION']);
    expect(missingNotifications(['POLICE'], policy.notifiedBodies)).toEqual([
      'HUMAN_RESOURCES_SOCIAL_SECURITY',
      'TRADE_UNION',
    ]);
  });
  it('refuses unknown fields, unknown or repeated bodies and an empty list', () => {
    expect(errorOf(() => accidentDepartmentPolicy({ other: 1 } as never)).code).toBe(ErrorCode.VALIDATION_FAILED);
    for (const notifiedBodies of [['COURT'], ['POLICE', 'POLICE'], [], 'POLICE'])
      expect(errorOf(() => accidentDepartmentPolicy({ notifiedBodies } as never)).code).toBe(ErrorCode.OUT_OF_RANGE);
  });
});
