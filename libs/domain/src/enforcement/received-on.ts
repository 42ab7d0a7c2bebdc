import { endOfLocalDay, startOfLocalDay, toLocalDate, type LocalDate } from '../calendar/local-date';

/**
 * The day the agency received a submission — a party's (陈述申辩, 听证申请, 复议/诉讼 filings) or a reporting
 * unit's (补报 of an accident's casualties, 条例 Art.13): the postmark of one sent by post, the receipt of one
 * handed in or faxed. A period is kept when the submission reached the agency (or the post) within it, whenever an
 * officer gets to enter it (行政处罚法 Art.45, 64(1); 期间不包括在途时间, as the procedural laws count periods), so
 * periods are judged on this day, not on the server's clock.
 */
export interface ReceivedOnClaim {
  /** The day claimed; the day of entry when the officer gives none. */
  receivedOn: LocalDate;
  /** The day of entry (China local date). */
  today: LocalDate;
  /** The day the period opened (the 告知书's service, the accident): nothing can be received for it before. */
  periodOpenedOn: LocalDate;
  /** What opened the period, for the message (default: 'the period opened'). */
  periodOpenedBy?: string;
  /** Whether the receipt (postmark, acknowledgement) is attached. */
  hasReceipt: boolean;
}

/** The field problem of a received-on claim, or null when it may stand. */
export function receivedOnProblem(
  claim: ReceivedOnClaim,
  field = 'receivedOn',
): { path: string; message: string } | null {
  if (claim.receivedOn > claim.today) return { path: field, message: 'must not be in the future' };
  if (claim.receivedOn < claim.periodOpenedOn) {
    const what = claim.periodOpenedBy ?? 'the period opened';
    return { path: field, message: `must not be before ${claim.periodOpenedOn}, when ${what}` };
  }
  // An earlier day than the day of entry is a claim about the past: the record keeps its proof.
  if (claim.receivedOn < claim.today && !claim.hasReceipt) {
    return {
      path: 'receiptAttachmentIds',
      message: 'a submission received before the day it is entered needs its receipt (postmark, acknowledgement)',
    };
  }
  return null;
}

/** True when a submission received on `receivedOn` is within a period whose exclusive end is `periodEndsAt`. */
export function receivedWithin(receivedOn: LocalDate, periodEndsAt: Date): boolean {
  return startOfLocalDay(receivedOn).getTime() < periodEndsAt.getTime();
}

/**
 * The instant a submission counts as received, for clocks that run in hours from its receipt: the moment of entry
 * when it was received that day, otherwise the last moment of the day received (the day is all the receipt proves,
 * and a clock counted from an earlier guess would find lateness nobody can show).
 */
export function receivedInstant(receivedOn: LocalDate, enteredAt: Date): Date {
  if (receivedOn >= toLocalDate(enteredAt)) return enteredAt;
  return new Date(endOfLocalDay(receivedOn).getTime() - 1);
}
