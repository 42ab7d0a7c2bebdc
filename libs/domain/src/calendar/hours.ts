import { DomainError, ErrorCode } from '../errors';

/** Short statutory clocks counted in hours (not subject to working-day rules). */
export const STATUTORY_HOUR_CLOCKS = {
  /** 条例 Art.9: the unit head reports the accident within 1 hour of receiving the report. */
  ACCIDENT_FIRST_REPORT: 1,
  /** 条例 Art.11: each level reports upward within 2 hours. */
  ACCIDENT_UPWARD_REPORT_PER_LEVEL: 2,
  /** 国务院令第310号 (行政执法机关移送涉嫌犯罪案件的规定) Art.5: transfer within 24 hours of approval. */
  CRIMINAL_TRANSFER_AFTER_APPROVAL: 24,
} as const;

/** `instant` + `hours` (may be fractional, e.g. 0.5). */
export function addHours(instant: Date, hours: number): Date {
  const t = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(t))
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Not a valid instant', { value: String(instant) });
  if (!Number.isFinite(hours)) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Hours must be finite', { hours });
  return new Date(t + hours * 3_600_000);
}

/** True when `at` is no later than `from` + `hours` ("N 小时内" includes the boundary instant). */
export function isWithinHours(from: Date, at: Date, hours: number): boolean {
  return at.getTime() <= addHours(from, hours).getTime();
}
