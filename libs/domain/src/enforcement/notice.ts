import { DomainError, ErrorCode } from '../errors';
import { yuanToFen } from './money';

/**
 * 行政处罚法 Art.45: the agency may not impose a heavier penalty because the party made a statement or defence.
 * A decision above the notified amount without a fresh 告知 also breaks Art.44/62 (the party must be told the
 * proposed penalty before the decision), so any increase is rejected; `details.reason` says which rule.
 */
export function penaltyMayNotIncrease(noticeAmountYuan: number, decidedAmountYuan: number, partyArgued: boolean): void {
  const notice = yuanToFen(noticeAmountYuan, 'noticeAmountYuan');
  const decided = yuanToFen(decidedAmountYuan, 'decidedAmountYuan');
  if (decided <= notice) return;
  const details = { noticeAmountYuan, decidedAmountYuan, partyArgued };
  if (partyArgued) {
    throw new DomainError(
      ErrorCode.RULE_VIOLATION,
      'The penalty may not be increased because the party argued (行政处罚法 Art.45)',
      {
        ...details,
        reason: 'INCREASE_AFTER_DEFENCE',
      },
    );
  }
  throw new DomainError(
    ErrorCode.RULE_VIOLATION,
    'A heavier penalty than notified needs a new 告知 (行政处罚法 Art.44, 62)',
    {
      ...details,
      reason: 'RENOTIFY_REQUIRED',
    },
  );
}
