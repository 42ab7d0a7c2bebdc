import { DomainError, ErrorCode } from '../errors';
import { AccidentSectorClass } from './reporting';

/**
 * Policy values of the accident area. Statutory values are cited; UNVERIFIED ones (STATUTES.md) are
 * defaults an installation may override (ACCIDENT_POLICY_JSON), never hard truths. A case copies the
 * policy into its workflow input when it opens, so a later change never alters a running clock.
 */
/** The policy values an accident workflow runs on (copied into its input when the case opens). */
export const ACCIDENT_WORKFLOW_POLICY_KEYS = [
  'investigationWarningDays',
  'teamRequiredRoles',
  'supervisedListingDays',
  'supervisedListingReportEveryDays',
  'supervisedListingReportWorkingDays',
  'rectificationVerificationWorkingDays',
  'evaluationAfterMonths',
  'evaluationWithinMonths',
] as const;

export const workflowPolicyOf = (
  p: AccidentPolicy,
): Pick<AccidentPolicy, (typeof ACCIDENT_WORKFLOW_POLICY_KEYS)[number]> =>
  Object.fromEntries(ACCIDENT_WORKFLOW_POLICY_KEYS.map((k) => [k, p[k]])) as Pick<
    AccidentPolicy,
    (typeof ACCIDENT_WORKFLOW_POLICY_KEYS)[number]
  >;

export interface AccidentPolicy {
  /** 条例 Art.9: the unit head reports within 1 hour. */
  firstReportHours: number;
  /** Days before the investigation report is due at which its task turns yellow. */
  investigationWarningDays: number;
  /** 条例 Art.22: team members that must be present besides the lead (监察机关, 公安, 工会). */
  teamRequiredRoles: string[];
  /** 挂牌督办: complete listed items within this many calendar days of the notice (UNVERIFIED, provincial practice 60). */
  supervisedListingDays: number;
  /** 挂牌督办: a progress report is due every this many calendar days (UNVERIFIED, 30). */
  supervisedListingReportEveryDays: number;
  /** 挂牌督办: working days to file each progress report (UNVERIFIED, 5). */
  supervisedListingReportWorkingDays: number;
  /** Working days to verify a rectification measure once evidence is in (UNVERIFIED, mirrors 复查: 10). */
  rectificationVerificationWorkingDays: number;
  /** One-year evaluation opens this many months after 批复 (安委办〔2021〕4号: 10 months – 1 year). */
  evaluationAfterMonths: number;
  /** …and is due this many months after 批复 (安全生产法 Art.86: within one year). */
  evaluationWithinMonths: number;
  /** The head decides on a referral proposed from a case within this many working days (UNVERIFIED, 5). */
  referralApprovalWorkingDays: number;
  /** The discipline body acknowledges a referred lead within this many working days (UNVERIFIED, 5). */
  referralAckWorkingDays: number;
  /** …and reports the handling result within this many calendar days of acknowledging (UNVERIFIED, 90). */
  referralResultDays: number;
  /** Sector codes whose accidents use the 7-day 补报 window (条例 Art.13: 道路交通). */
  roadTrafficSectors: string[];
  /** Sector codes whose accidents use the 7-day 补报 window (条例 Art.13: 火灾). */
  fireSectors: string[];
  /** Discipline body used when none of DISCIPLINE kind sits at the investigating level (configured per installation). */
  fallbackDisciplineDepartmentId: string | null;
}

export const DEFAULT_ACCIDENT_POLICY: Readonly<AccidentPolicy> = Object.freeze({
  firstReportHours: 1,
  investigationWarningDays: 7,
  teamRequiredRoles: ['DISCIPLINE', 'POLICE', 'TRADE_UNION'],
  supervisedListingDays: 60,
  supervisedListingReportEveryDays: 30,
  supervisedListingReportWorkingDays: 5,
  rectificationVerificationWorkingDays: 10,
  evaluationAfterMonths: 10,
  evaluationWithinMonths: 12,
  referralApprovalWorkingDays: 5,
  referralAckWorkingDays: 5,
  referralResultDays: 90,
  roadTrafficSectors: ['ROAD_TRANSPORT', 'ROAD_TRAFFIC'],
  fireSectors: ['FIRE'],
  fallbackDisciplineDepartmentId: null,
});

const intIn = (p: AccidentPolicy, k: keyof AccidentPolicy, min: number, max: number, problems: string[]) => {
  const v = p[k];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    problems.push(`${k} must be an integer in ${min}..${max}`);
};

/** Merges overrides onto the defaults and validates the result (OUT_OF_RANGE with every problem). */
export function resolveAccidentPolicy(overrides: Partial<AccidentPolicy> = {}): AccidentPolicy {
  const p: AccidentPolicy = { ...DEFAULT_ACCIDENT_POLICY, ...overrides } as AccidentPolicy;
  const problems: string[] = [];
  intIn(p, 'firstReportHours', 1, 24, problems);
  intIn(p, 'investigationWarningDays', 0, 30, problems);
  intIn(p, 'supervisedListingDays', 1, 365, problems);
  intIn(p, 'supervisedListingReportEveryDays', 1, 365, problems);
  intIn(p, 'supervisedListingReportWorkingDays', 1, 30, problems);
  intIn(p, 'rectificationVerificationWorkingDays', 1, 60, problems);
  intIn(p, 'evaluationAfterMonths', 1, 12, problems);
  intIn(p, 'evaluationWithinMonths', 1, 24, problems);
  intIn(p, 'referralApprovalWorkingDays', 1, 30, problems);
  intIn(p, 'referralAckWorkingDays', 1, 30, problems);
  intIn(p, 'referralResultDays', 1, 365, problems);
  if (p.evaluationWithinMonths < p.evaluationAfterMonths)
    problems.push('evaluationWithinMonths must not be before evaluationAfterMonths');
  for (const k of ['teamRequiredRoles', 'roadTrafficSectors', 'fireSectors'] as const) {
    if (!Array.isArray(p[k]) || p[k].some((x) => typeof x !== 'string'))
      problems.push(`${k} must be a list of strings`);
  }
  if (
    Array.isArray(p.teamRequiredRoles) &&
    p.teamRequiredRoles.some((r) => !(TEAM_ROLES as readonly string[]).includes(r))
  ) {
    problems.push(`teamRequiredRoles may only contain ${TEAM_ROLES.join(', ')}`);
  }
  if (p.fallbackDisciplineDepartmentId !== null && typeof p.fallbackDisciplineDepartmentId !== 'string')
    problems.push('fallbackDisciplineDepartmentId must be a uuid or null');
  if (problems.length)
    throw new DomainError(ErrorCode.OUT_OF_RANGE, `invalid accident policy: ${problems.join('; ')}`, { problems });
  return p;
}

/** Maps a configurable sector onto the class 条例 Art.13 distinguishes. */
export function sectorClassOf(
  sectorCode: string,
  policy: Pick<AccidentPolicy, 'roadTrafficSectors' | 'fireSectors'>,
): AccidentSectorClass {
  if (policy.roadTrafficSectors.includes(sectorCode)) return 'ROAD_TRAFFIC';
  if (policy.fireSectors.includes(sectorCode)) return 'FIRE';
  return 'OTHER';
}

/** Roles inside an investigation team (条例 Art.22). */
export const TEAM_ROLES = ['LEAD', 'MEMBER', 'DISCIPLINE', 'POLICE', 'TRADE_UNION', 'PROCURATORATE', 'EXPERT'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
