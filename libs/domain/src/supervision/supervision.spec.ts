import { DomainError, ErrorCode } from '../errors';
import {
  assertSummonsDate,
  assertSupervisionItem,
  DEFAULT_SUPERVISION_POLICY,
  maySeeSupervisionItem,
  supervisionParticipants,
  supervisionPolicy,
} from '.';

const item = {
  issuerDepartmentId: 'issuer',
  leadDepartmentId: 'lead',
  coResponsibleDepartmentIds: ['co1', 'co2'],
  deadline: '2026-06-30',
  milestones: [
    { title: '排查', dueDate: '2026-03-31' },
    { title: '整治', dueDate: '2026-06-30' },
  ],
};
const TODAY = '2026-01-10';

const fieldOf = (run: () => void): string | undefined => {
  try {
    run();
  } catch (error) {
    return ((error as DomainError).details as { fields: Array<{ path: string }> }).fields[0].path;
  }
  return undefined;
};

describe('supervision items', () => {
  it('accept one lead, distinct co-responsible departments and dated milestones in order', () => {
    expect(() => assertSupervisionItem(item, TODAY)).not.toThrow();
    expect(fieldOf(() => assertSupervisionItem({ ...item, coResponsibleDepartmentIds: ['lead'] }, TODAY))).toBe(
      'coResponsibleDepartmentIds',
    );
    expect(fieldOf(() => assertSupervisionItem({ ...item, coResponsibleDepartmentIds: ['a', 'a'] }, TODAY))).toBe(
      'coResponsibleDepartmentIds',
    );
    expect(fieldOf(() => assertSupervisionItem({ ...item, deadline: TODAY }, TODAY))).toBe('deadline');
    expect(fieldOf(() => assertSupervisionItem({ ...item, milestones: [...item.milestones].reverse() }, TODAY))).toBe(
      'milestones.1.dueDate',
    );
    expect(
      fieldOf(() => assertSupervisionItem({ ...item, milestones: [{ title: 'x', dueDate: '2026-07-01' }] }, TODAY)),
    ).toBe('milestones.0.dueDate');
    expect(fieldOf(() => assertSupervisionItem({ ...item, milestones: [{ title: 'x', dueDate: TODAY }] }, TODAY))).toBe(
      'milestones.0.dueDate',
    );
  });

  it('are seen only by the jurisdictions of the departments taking part', () => {
    expect(supervisionParticipants(item)).toEqual(['issuer', 'lead', 'co1', 'co2']);
    expect(maySeeSupervisionItem(['co2'], item)).toBe(true);
    expect(maySeeSupervisionItem(['parent', 'lead'], item)).toBe(true);
    expect(maySeeSupervisionItem(['elsewhere'], item)).toBe(false);
  });

  it('schedule a summons for today or later', () => {
    expect(() => assertSummonsDate(TODAY, TODAY)).not.toThrow();
    expect(fieldOf(() => assertSummonsDate('2026-01-09', TODAY))).toBe('scheduledOn');
  });
});

describe('supervision policy', () => {
  it('layers overrides over the documented defaults', () => {
    expect(supervisionPolicy()).toEqual(DEFAULT_SUPERVISION_POLICY);
    const policy = supervisionPolicy({ reportPeriods: { MONTHLY: { unit: 'working_days', amount: 22 } } } as never, {
      publishSummonses: false,
    });
    expect(policy.reportPeriods).toEqual({
      WEEKLY: { unit: 'working_days', amount: 5 },
      MONTHLY: { unit: 'working_days', amount: 22 },
      QUARTERLY: { unit: 'calendar_days', amount: 90 },
    });
    expect(policy.publishSummonses).toBe(false);
  });

  it('refuses unknown fields (400) and malformed values (422)', () => {
    expect(() => supervisionPolicy({ nope: 1 } as never)).toThrow(
      expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }),
    );
    expect(() => supervisionPolicy({ acceptanceWorkingDays: 0 })).toThrow(
      expect.objectContaining({ code: ErrorCode.OUT_OF_RANGE }),
    );
    expect(() => supervisionPolicy({ reportPeriods: { WEEKLY: { unit: 'weeks', amount: 1 } } } as never)).toThrow(
      expect.objectContaining({ code: ErrorCode.OUT_OF_RANGE }),
    );
    expect(() => supervisionPolicy({ publishSummonses: 'yes' } as never)).toThrow(
      expect.objectContaining({ code: ErrorCode.OUT_OF_RANGE }),
    );
  });
});
