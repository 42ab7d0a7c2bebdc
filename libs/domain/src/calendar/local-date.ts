import { DomainError, ErrorCode } from '../errors';

/**
 * A China local calendar date as an ISO string `YYYY-MM-DD`.
 * China uses one time zone (Asia/Shanghai, UTC+8) with no DST, so conversion is fixed +8h arithmetic.
 */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const invalid = (value: unknown): DomainError =>
  new DomainError(ErrorCode.VALIDATION_FAILED, `Not a valid local date (YYYY-MM-DD): ${String(value)}`, { value });

/** Days since 1970-01-01 (UTC epoch day) of a LocalDate. Throws VALIDATION_FAILED when malformed or impossible. */
export function toEpochDay(d: LocalDate): number {
  const m = typeof d === 'string' ? LOCAL_DATE_RE.exec(d) : null;
  if (!m) throw invalid(d);
  const [y, mo, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, day);
  const back = new Date(ms);
  // Round trip rejects 2025-02-29, 2025-13-01 and two-digit years that Date.UTC would map to 19xx.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== day) throw invalid(d);
  return ms / MS_PER_DAY;
}

export function fromEpochDay(epochDay: number): LocalDate {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isLocalDate(value: unknown): value is LocalDate {
  try {
    toEpochDay(value as LocalDate);
    return true;
  } catch {
    return false;
  }
}

export function assertLocalDate(value: unknown): LocalDate {
  toEpochDay(value as LocalDate);
  return value as LocalDate;
}

/** Pure calendar arithmetic (no holiday rules): `d` shifted by `n` days. */
export function plusDays(d: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Day offset must be an integer', { n });
  return fromEpochDay(toEpochDay(d) + n);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function diffDays(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return Math.sign(toEpochDay(a) - toEpochDay(b));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: LocalDate): number {
  return (((toEpochDay(d) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function yearOf(d: LocalDate): number {
  toEpochDay(d);
  return Number(d.slice(0, 4));
}

const assertInstant = (instant: Date): number => {
  const t = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(t))
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Not a valid instant', { value: String(instant) });
  return t;
};

/** The China local date (Asia/Shanghai) of an instant. */
export function toLocalDate(instant: Date): LocalDate {
  return new Date(assertInstant(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** First instant of the local day: `d`T00:00:00+08:00. */
export function startOfLocalDay(d: LocalDate): Date {
  return new Date(toEpochDay(d) * MS_PER_DAY - CHINA_OFFSET_MS);
}

/**
 * EXCLUSIVE end of the local day: the first instant of the next day (`d+1`T00:00:00+08:00).
 * An act at instant t falls on day d iff startOfLocalDay(d) <= t < endOfLocalDay(d); use it directly as a
 * timer fire time for "by the end of the due date".
 */
export function endOfLocalDay(d: LocalDate): Date {
  return startOfLocalDay(plusDays(d, 1));
}

/** True when `instant` is on or before the local date `due` (i.e. before its exclusive end). */
export function isOnOrBeforeLocalDate(instant: Date, due: LocalDate): boolean {
  return assertInstant(instant) < endOfLocalDay(due).getTime();
}
