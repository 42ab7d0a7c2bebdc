import { LocalDate, toEpochDay, fromEpochDay } from '../calendar/local-date';
import { yuanToFen } from './money';
import { lateSurcharge } from './surcharge';

export interface OwedInput {
  fineYuan: number;
  /** Last day to pay (行政处罚法 Art.67); null before the decision is served. */
  dueDate: LocalDate | null;
  payments: ReadonlyArray<{ amountYuan: number; paidOn: LocalDate }>;
  /** 复议/诉讼 (open end = still pending): no surcharge accrues meanwhile (Art.73). */
  challenges: ReadonlyArray<{ filedOn: LocalDate; endedOn: LocalDate | null }>;
  asOf: LocalDate;
}

export interface AmountOwed {
  asOf: LocalDate;
  fineFen: number;
  surchargeFen: number;
  surchargeDays: number;
  suspendedDays: number;
  capped: boolean;
  /** Paid on or before `asOf`. */
  paidFen: number;
  owedFen: number;
  outstandingFen: number;
  /** The day the fine and its surcharge were paid in full (accrual stops then), if by `asOf`. */
  settledOn: LocalDate | null;
}

/**
 * What the party owes on a day: the fine, the 加处罚款 of 3% a day after the due date capped at the
 * fine (行政处罚法 Art.72), not accruing while 复议/诉讼 is pending (Art.73), and not accruing after the
 * day the fine and the surcharge so far were paid in full. Only payments made on or before the day
 * count, whatever order they were recorded in. The one computation for the workflow (which accepts
 * payments and decides on enforcement) and the API (which reports the amount).
 */
export function amountOwed(input: OwedInput): AmountOwed {
  const fineFen = yuanToFen(input.fineYuan, 'fineYuan');
  const asOfDay = toEpochDay(input.asOf);
  const suspendedRanges = input.challenges.map((c) => ({ from: c.filedOn, ...(c.endedOn ? { to: c.endedOn } : {}) }));
  const byDay = [...input.payments]
    .map((p) => ({ day: toEpochDay(p.paidOn), fen: yuanToFen(p.amountYuan, 'amountYuan') }))
    .filter((p) => p.day <= asOfDay)
    .sort((a, b) => a.day - b.day);

  const surchargeUntil = (day: number) =>
    input.dueDate && day > toEpochDay(input.dueDate)
      ? lateSurcharge({ fineYuan: input.fineYuan, dueDate: input.dueDate, asOf: fromEpochDay(day), suspendedRanges })
      : { surchargeFen: 0, daysCounted: 0, suspendedDays: 0, capped: false };

  // The first payment day on which everything owed by then was paid stops the accrual.
  let paidFen = 0;
  let settledDay: number | null = null;
  for (const payment of byDay) {
    paidFen += payment.fen;
    if (settledDay === null && paidFen >= fineFen + surchargeUntil(payment.day).surchargeFen) settledDay = payment.day;
  }
  const surcharge = surchargeUntil(settledDay ?? asOfDay);
  const owedFen = fineFen + surcharge.surchargeFen;
  return {
    asOf: input.asOf,
    fineFen,
    surchargeFen: surcharge.surchargeFen,
    surchargeDays: surcharge.daysCounted,
    suspendedDays: surcharge.suspendedDays,
    capped: surcharge.capped,
    paidFen,
    owedFen,
    outstandingFen: Math.max(0, owedFen - paidFen),
    settledOn: settledDay === null ? null : fromEpochDay(settledDay),
  };
}
