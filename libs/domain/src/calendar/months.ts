import { DomainError, ErrorCode } from '../errors';
import { LocalDate, fromEpochDay, toEpochDay } from './local-date';

/**
 * `d` plus `n` calendar months; a day that does not exist in the target month clamps to its last day
 * (2026-08-31 + 6 months = 2027-02-28). Used for month periods: the 6-month litigation period and the
 * 3-month window for applying to court (行政诉讼法 Art.46, 行政强制法 Art.53), the accident evaluation
 * 10–12 months after 批复.
 */
export function addMonths(d: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 0)
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Month count must be a non-negative integer', { n });
  toEpochDay(d);
  const [y, m, day] = d.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return fromEpochDay(Date.UTC(ty, tm, Math.min(day, lastDay)) / 86_400_000);
}
