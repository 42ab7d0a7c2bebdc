import { LocalDate, fromEpochDay, toEpochDay } from '../calendar/local-date';
import { DomainError, ErrorCode } from '../errors';

/**
 * `d` plus `months` calendar months; a day that does not exist in the target month clamps to its
 * last day (2026-01-31 + 1 month = 2026-02-28). Used for the one-year evaluation window after 批复.
 */
export function monthsAfter(d: LocalDate, months: number): LocalDate {
  if (!Number.isInteger(months)) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'months must be an integer', { months });
  toEpochDay(d);
  const [y, m, day] = d.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return fromEpochDay(Date.UTC(ty, tm, Math.min(day, lastDay)) / 86_400_000);
}
