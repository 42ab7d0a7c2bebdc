import type { AccidentGrade, InvestigatingLevel } from './grading';
import { upwardReportCeiling } from './grading';
import { DepartmentLevel, levelRank } from './jurisdiction';

/**
 * 逐级上报 (条例 Art.10–11). After the first report (Art.9), the emergency-management department and
 * the department supervising the sector each report the accident to the next level up, level by
 * level, as high as the grade requires — 一般 to the 设区的市 level, 较大 to the province, 重大 and
 * 特别重大 to the State Council's departments (Art.10) — and no level takes more than 2 hours
 * (Art.11: 每级上报的时间不得超过2小时; the due instant is `upwardReportDueAt`). Hours on the wall clock,
 * not working days.
 */

/** The two chains Art.10 names: 安全生产监督管理部门 and 负有安全生产监督管理职责的有关部门. */
export type UpwardReportChain = 'EMERGENCY_MANAGEMENT' | 'SECTOR';

const CEILING_RANK = { CITY: levelRank('CITY'), PROVINCE: levelRank('PROVINCE'), STATE: levelRank('STATE_COUNCIL') };

/** Whether a grade's report must reach this level (条例 Art.10); the State Council's level is above every modelled one. */
export function upwardReportReaches(grade: AccidentGrade, level: DepartmentLevel | InvestigatingLevel): boolean {
  return levelRank(level) <= CEILING_RANK[upwardReportCeiling(grade)];
}

/** Whether the grade requires the State Council's department, which the organisation does not model. */
export function upwardReportGoesBeyondProvince(grade: AccidentGrade): boolean {
  return upwardReportCeiling(grade) === 'STATE';
}

export interface ChainDepartment {
  id: string;
  level: DepartmentLevel;
  kind: string;
}

/**
 * The levels a chain reports to, lowest first: the chain's department (`start`, the reporting
 * department itself or its region's department of the chain's kind) and its ancestors of that kind,
 * each strictly above the level of the department that took the first report. One per level.
 */
export function upwardReportLevels<T extends ChainDepartment>(
  reportingLevel: DepartmentLevel,
  chain: readonly T[],
  kind: string,
): T[] {
  const levels: T[] = [];
  for (const d of chain) {
    if (d.kind !== kind || levelRank(d.level) <= levelRank(reportingLevel)) continue;
    if (levels.some((seen) => levelRank(seen.level) >= levelRank(d.level))) continue;
    levels.push(d);
  }
  return levels;
}

/**
 * The State Council's level (条例 Art.10(1): 特别重大事故、重大事故逐级上报至国务院安全生产监督管理部门和负有安全生产监督管理职责的有关部门).
 * It is not a department of the installation: the province's department reports to it, and what it is
 * called is a label. The sector chain's national recipient is the ministry over that kind of department.
 */
export const NATIONAL_LEVEL = 'STATE_COUNCIL' as const;

const NATIONAL_RECIPIENTS: Readonly<Record<string, string>> = {
  EMERGENCY_MANAGEMENT: '国务院应急管理部门（应急管理部）',
  HOUSING_CONSTRUCTION: '国务院住房和城乡建设主管部门（住房和城乡建设部）',
  TRANSPORT: '国务院交通运输主管部门（交通运输部）',
  FIRE_RESCUE: '国务院消防救援机构（国家消防救援局）',
  MARKET_REGULATION: '国务院市场监督管理部门（国家市场监督管理总局）',
  POSTAL: '国务院邮政管理部门（国家邮政局）',
};

/** Who a chain reports to at the State Council's level, named by the kind of department the chain follows. */
export function nationalRecipient(departmentKind: string): string {
  return NATIONAL_RECIPIENTS[departmentKind] ?? '国务院负有安全生产监督管理职责的有关部门';
}

/**
 * The department that makes a chain's report to the State Council's level: the chain's highest
 * department, and only when that is a province's (Art.10 goes level by level; a chain the organisation
 * lacks at the province ends below it, and no lower level reports to the State Council directly).
 */
export function nationalReporter<T extends ChainDepartment>(top: T | undefined): T | null {
  return top && top.level === 'PROVINCE' ? top : null;
}

/**
 * 越级上报 (条例 Art.10 para.2: 必要时，…可以越级上报事故情况). While a chain's report waits at a level
 * (that level's task open), the department holding it below may also report straight to a higher level
 * of the same chain, one the grade requires. The skipped levels still get theirs (逐级上报 goes on), and
 * the higher level's 2 hours (Art.11) count from this report. Once per chain. Answers why not, or null.
 */
export function skipLevelProblem(input: {
  grade: AccidentGrade;
  /** The chain's levels, lowest first. */
  levels: readonly DepartmentLevel[];
  /** Index of the level whose task is open now; null while none is (not yet required, or the chain is done). */
  openIndex: number | null;
  target: DepartmentLevel;
  alreadySkipped: boolean;
}): string | null {
  if (input.alreadySkipped) return 'the chain has already been reported past a level';
  if (input.openIndex === null) return 'no level of the chain is waiting for the report';
  const target = input.levels.indexOf(input.target);
  if (target < 0) return `the chain has no ${input.target} level`;
  if (target <= input.openIndex) return '越级上报 goes past the level waiting for the report, to one above it';
  if (!upwardReportReaches(input.grade, input.target)) return `the grade does not require a report to ${input.target}`;
  return null;
}
