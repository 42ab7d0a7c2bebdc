import { diffDays, isLocalDate, LocalDate, plusDays } from '../calendar/local-date';
import { DomainError, ErrorCode } from '../errors';
import { fenToYuan, yuanToFen } from './money';

export interface ContinuingDailyFine {
  /** First day counted: the day after the rectification order (自作出责令改正之日的次日起). */
  from: LocalDate;
  /** Last day counted (inclusive): the day correction was made, or the day asked about. */
  until: LocalDate;
  days: number;
  perDayYuan: number;
  amountYuan: number;
}

/**
 * 安全生产法 Art.112: a unit that was ordered to correct, was fined, and refuses to correct may be
 * fined again every day, at the original amount, from the day after the order. Whether to impose it
 * is the agency's decision (a new decision with its own procedure); this computes what it comes to.
 * Calendar days (the statute counts days, not working days). Integer fen throughout.
 */
export function continuingDailyFine(input: {
  originalFineYuan: number;
  orderDate: LocalDate;
  until: LocalDate;
}): ContinuingDailyFine {
  if (!isLocalDate(input.orderDate) || !isLocalDate(input.until)) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'orderDate and until must be YYYY-MM-DD dates');
  }
  if (!(Number.isFinite(input.originalFineYuan) && input.originalFineYuan > 0)) {
    throw new DomainError(
      ErrorCode.RULE_VIOLATION,
      'continuing daily fines need an original fine (安全生产法 Art.112)',
    );
  }
  const from = plusDays(input.orderDate, 1);
  const days = Math.max(0, diffDays(input.orderDate, input.until));
  const perDayFen = yuanToFen(input.originalFineYuan);
  return { from, until: input.until, days, perDayYuan: fenToYuan(perDayFen), amountYuan: fenToYuan(perDayFen * days) };
}
