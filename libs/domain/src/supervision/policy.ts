import { DomainError, ErrorCode } from '../errors';

/** How often every responsible department reports its progress (chosen when the item is created). */
export const REPORTING_FREQUENCIES = ['WEEKLY', 'MONTHLY', 'QUARTERLY'] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];

/** One reporting period: working days or calendar days (the period's report is due at its end). */
export interface ReportPeriod {
  unit: 'working_days' | 'calendar_days';
  amount: number;
}

/**
 * Per-department values of supervision (督办) and summons (约谈). The plans that ask for them
 * (分解落实, 明确责任主体和时序要求; 约谈, 挂牌督办) fix no periods: every value is a DEFAULT a
 * department may override (stored as overrides, inherited down the department chain like the
 * complaint policy). The issuing department's policy is fixed into the workflow when it starts.
 */
export interface SupervisionPolicy {
  /** DEFAULT WEEKLY 5 working days, MONTHLY 30 and QUARTERLY 90 calendar days per reporting period. */
  reportPeriods: Record<ReportingFrequency, ReportPeriod>;
  /** DEFAULT 10 working days for the issuer to accept or return the lead department's completion proposal. */
  acceptanceWorkingDays: number;
  /** DEFAULT 5 working days after the summons date to record its minutes and commitments (约谈记录). */
  minutesWorkingDays: number;
  /** DEFAULT 5 working days after a commitment's deadline to verify it (整改核查). */
  verificationWorkingDays: number;
  /** DEFAULT true: the summons record is published (约谈情况公开); a department may decide otherwise. */
  publishSummonses: boolean;
  /** DEFAULT 7 working days after the minutes to publish the summons record. */
  publicationWorkingDays: number;
  /** DEFAULT 72 hours before a due instant at which a task (a milestone among them) turns yellow. */
  warningLeadHours: number;
}

export const DEFAULT_SUPERVISION_POLICY: Readonly<SupervisionPolicy> = Object.freeze({
  reportPeriods: Object.freeze({
    WEEKLY: Object.freeze({ unit: 'working_days' as const, amount: 5 }),
    MONTHLY: Object.freeze({ unit: 'calendar_days' as const, amount: 30 }),
    QUARTERLY: Object.freeze({ unit: 'calendar_days' as const, amount: 90 }),
  }),
  acceptanceWorkingDays: 10,
  minutesWorkingDays: 5,
  verificationWorkingDays: 5,
  publishSummonses: true,
  publicationWorkingDays: 7,
  warningLeadHours: 72,
});

export const SUPERVISION_POLICY_FIELDS = Object.keys(DEFAULT_SUPERVISION_POLICY) as Array<keyof SupervisionPolicy>;

/** Merges overrides (outermost first) onto the defaults and validates the result. */
export function supervisionPolicy(...overrides: Array<Partial<SupervisionPolicy>>): SupervisionPolicy {
  for (const layer of overrides) {
    for (const field of Object.keys(layer)) {
      if (!SUPERVISION_POLICY_FIELDS.includes(field as keyof SupervisionPolicy))
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `Unknown supervision policy field ${field}`, {
          fields: [{ path: `overrides.${field}`, message: 'not a supervision policy field' }],
        });
    }
  }
  const merged: SupervisionPolicy = {
    ...DEFAULT_SUPERVISION_POLICY,
    reportPeriods: { ...DEFAULT_SUPERVISION_POLICY.reportPeriods },
  };
  for (const layer of overrides) {
    const { reportPeriods, ...rest } = layer;
    Object.assign(merged, rest);
    if (reportPeriods) merged.reportPeriods = { ...merged.reportPeriods, ...reportPeriods };
  }
  return validateSupervisionPolicy(merged);
}

/** Throws OUT_OF_RANGE naming the first malformed value. */
export function validateSupervisionPolicy(policy: SupervisionPolicy): SupervisionPolicy {
  const fail = (field: string, rule: string): never => {
    throw new DomainError(ErrorCode.OUT_OF_RANGE, `Supervision policy ${field} ${rule}`, { field });
  };
  const int = (field: string, value: unknown, min: number, max: number): void => {
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
      fail(field, `must be an integer in [${min}, ${max}]`);
  };
  int('acceptanceWorkingDays', policy.acceptanceWorkingDays, 1, 60);
  int('minutesWorkingDays', policy.minutesWorkingDays, 1, 60);
  int('verificationWorkingDays', policy.verificationWorkingDays, 1, 60);
  int('publicationWorkingDays', policy.publicationWorkingDays, 1, 60);
  int('warningLeadHours', policy.warningLeadHours, 0, 24 * 30);
  if (typeof policy.publishSummonses !== 'boolean') fail('publishSummonses', 'must be true or false');
  for (const frequency of REPORTING_FREQUENCIES) {
    const period = policy.reportPeriods?.[frequency];
    if (!period || !['working_days', 'calendar_days'].includes(period.unit))
      fail(`reportPeriods.${frequency}`, 'must be { unit: working_days | calendar_days, amount }');
    int(`reportPeriods.${frequency}.amount`, period.amount, 1, 366);
  }
  return policy;
}
