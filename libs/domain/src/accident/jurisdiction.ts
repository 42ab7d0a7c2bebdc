import { InvestigatingLevel } from './grading';

export type DepartmentLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWN' | 'PARK';

const RANK: Readonly<Record<DepartmentLevel | InvestigatingLevel, number>> = {
  TOWN: 0,
  PARK: 0,
  COUNTY: 1,
  CITY: 2,
  PROVINCE: 3,
  STATE_COUNCIL: 4,
};

export const levelRank = (l: DepartmentLevel | InvestigatingLevel): number => RANK[l];

export interface DepartmentNode {
  id: string;
  level: DepartmentLevel;
  kind: string;
}

export interface InvestigatingDepartmentChoice<T extends DepartmentNode> {
  department: T;
  /** True when the department sits exactly at the level 条例 Art.19 names. */
  exact: boolean;
}

/**
 * Which department takes the case (条例 Art.19): the reporting department's ancestor at the
 * investigating level, of the emergency-management kind.
 * - A reporter at or above the level keeps the case (a higher government may investigate, Art.20).
 * - Otherwise the first EMERGENCY_MANAGEMENT ancestor at or above the level (the lowest one that may investigate).
 * - No such ancestor (e.g. 特别重大: State Council level is not modelled): the highest EMERGENCY_MANAGEMENT
 *   department on the chain, flagged not exact, so a person hands it further up.
 * `chain` is the reporting department first, then its ancestors nearest first.
 */
export function chooseInvestigatingDepartment<T extends DepartmentNode>(
  chain: readonly T[],
  level: InvestigatingLevel,
  kind = 'EMERGENCY_MANAGEMENT',
): InvestigatingDepartmentChoice<T> {
  if (chain.length === 0) throw new Error('chooseInvestigatingDepartment needs the reporting department');
  const want = RANK[level];
  const self = chain[0];
  if (RANK[self.level] >= want) return { department: self, exact: RANK[self.level] === want };
  const up = chain.slice(1).filter((d) => d.kind === kind);
  const atOrAbove = up.find((d) => RANK[d.level] >= want);
  if (atOrAbove) return { department: atOrAbove, exact: RANK[atOrAbove.level] === want };
  const highest = [self, ...up].reduce((best, d) => (RANK[d.level] > RANK[best.level] ? d : best), self);
  return { department: highest, exact: false };
}
