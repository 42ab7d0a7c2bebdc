import { DEFAULT_PENALTY_POLICY, PartyType, PenaltyPolicy } from './policy';
import { yuanToFen } from './money';

/** Penalty kinds relevant to hearing rights (行政处罚法 Art.9, 63). */
export type PenaltyMeasure =
  | 'WARNING' // 警告
  | 'CRITICISM' // 通报批评
  | 'FINE' // 罚款
  | 'CONFISCATION' // 没收违法所得/非法财物
  | 'QUALIFICATION_DOWNGRADE' // 降低资质等级
  | 'LICENCE_REVOCATION' // 吊销许可证件
  | 'LICENCE_SUSPENSION' // 暂扣许可证件
  | 'SUSPEND_PRODUCTION' // 责令停产停业
  | 'CLOSURE' // 责令关闭
  | 'PRACTICE_RESTRICTION' // 限制从业
  | 'DETENTION'; // 行政拘留 (not by work-safety agencies)

export interface PenaltyProposal {
  partyType: PartyType;
  measures: readonly PenaltyMeasure[];
  fineYuan?: number;
  /** Value of confiscated illegal gains or property. */
  confiscationYuan?: number;
  /** Art.63(1)(5)/(6): 其他较重的行政处罚, or another case set by law, regulation or rule. */
  otherHeavyPenalty?: boolean;
}

export type HearingGround =
  | 'LARGE_FINE'
  | 'LARGE_CONFISCATION'
  | 'QUALIFICATION_DOWNGRADE'
  | 'LICENCE_REVOCATION'
  | 'SUSPEND_PRODUCTION'
  | 'CLOSURE'
  | 'PRACTICE_RESTRICTION'
  | 'OTHER_HEAVY_PENALTY';

const MEASURE_GROUNDS: Partial<Record<PenaltyMeasure, HearingGround>> = {
  QUALIFICATION_DOWNGRADE: 'QUALIFICATION_DOWNGRADE',
  LICENCE_REVOCATION: 'LICENCE_REVOCATION',
  SUSPEND_PRODUCTION: 'SUSPEND_PRODUCTION',
  CLOSURE: 'CLOSURE',
  PRACTICE_RESTRICTION: 'PRACTICE_RESTRICTION',
};

/**
 * 行政处罚法 Art.63: grounds on which the party must be told of the right to a hearing. 较大数额 thresholds come
 * from the policy (provincial rule; "≥ threshold" is large).
 */
export function hearingGrounds(
  proposal: PenaltyProposal,
  policy: PenaltyPolicy = DEFAULT_PENALTY_POLICY,
): HearingGround[] {
  const grounds: HearingGround[] = [];
  const { partyType } = proposal;
  if (
    proposal.fineYuan !== undefined &&
    yuanToFen(proposal.fineYuan, 'fineYuan') >= yuanToFen(policy.largeFineThresholdYuan[partyType])
  ) {
    grounds.push('LARGE_FINE');
  }
  if (
    proposal.confiscationYuan !== undefined &&
    yuanToFen(proposal.confiscationYuan, 'confiscationYuan') >=
      yuanToFen(policy.largeConfiscationThresholdYuan[partyType])
  ) {
    grounds.push('LARGE_CONFISCATION');
  }
  for (const m of proposal.measures) {
    const g = MEASURE_GROUNDS[m];
    if (g && !grounds.includes(g)) grounds.push(g);
  }
  if (proposal.otherHeavyPenalty) grounds.push('OTHER_HEAVY_PENALTY');
  return grounds;
}

export function isHearingEligible(proposal: PenaltyProposal, policy: PenaltyPolicy = DEFAULT_PENALTY_POLICY): boolean {
  return hearingGrounds(proposal, policy).length > 0;
}
