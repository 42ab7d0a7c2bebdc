import type { AccidentGrade } from './grading';
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
export function upwardReportReaches(grade: AccidentGrade, level: DepartmentLevel): boolean {
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
