import { LocalDate, toEpochDay } from '../calendar/local-date';
import { DomainError, ErrorCode } from '../errors';
import { fenToYuan, yuanToFen } from './money';

export interface LateSurchargeInput {
  fineYuan: number;
  /** Last day to pay (Art.67: 15 days from receipt, already rolled off rest days). */
  dueDate: LocalDate;
  /** Day up to which the surcharge is computed (inclusive), e.g. the payment day or today. */
  asOf: LocalDate;
  /** 复议/诉讼 pending (inclusive; open `to` = still pending): no accrual (Art.73). */
  suspendedRanges?: ReadonlyArray<{ from: LocalDate; to?: LocalDate }>;
}

export interface LateSurcharge {
  /** Days of accrual counted (after suspension). */
  daysCounted: number;
  suspendedDays: number;
  surchargeFen: number;
  surchargeYuan: number;
  /** True when the cap (= the fine) was reached. */
  capped: boolean;
  /** Fine + surcharge. */
  totalFen: number;
}

/**
 * 行政处罚法 Art.72(1)(1): 3% of the fine per day overdue, capped at the fine; Art.73(3): no accrual while
 * 行政复议/行政诉讼 is pending. Days counted are calendar days d with dueDate < d <= asOf outside suspensions.
 * Integer fen; a fractional fen is rounded down (never charge more than the law allows).
 */
export function lateSurcharge(input: LateSurchargeInput): LateSurcharge {
  const fineFen = yuanToFen(input.fineYuan, 'fineYuan');
  const first = toEpochDay(input.dueDate) + 1;
  const last = toEpochDay(input.asOf);

  const ranges = (input.suspendedRanges ?? []).map((r) => {
    const from = toEpochDay(r.from);
    const to = r.to === undefined ? last : toEpochDay(r.to);
    if (to < from && r.to !== undefined) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Suspension ends before it starts', { ...r });
    }
    return { from: Math.max(from, first), to: Math.min(to, last) };
  });
  let suspendedDays = 0;
  let daysCounted = 0;
  for (let d = first; d <= last; d++) {
    if (ranges.some((r) => r.from <= d && d <= r.to)) suspendedDays++;
    else daysCounted++;
  }

  // 3% × days reaches 100% after 34 days; stop multiplying there to keep integers small.
  const cappedDays = Math.min(daysCounted, 34);
  const surchargeFen = Math.min(fineFen, Math.floor((fineFen * 3 * cappedDays) / 100));
  return {
    daysCounted,
    suspendedDays,
    surchargeFen,
    surchargeYuan: fenToYuan(surchargeFen),
    capped: fineFen > 0 && surchargeFen === fineFen,
    totalFen: fineFen + surchargeFen,
  };
}
