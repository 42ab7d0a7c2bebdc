// Shared by the domain specs only (excluded from the build): the official calendar fixture and error probes.
import y2025 from '../../../seeds/data/holiday-calendars/2025.json';
import y2026 from '../../../seeds/data/holiday-calendars/2026.json';
import { parseHolidayYear } from './calendar/holiday-year';
import { WorkingDayCalendar } from './calendar/working-day-calendar';
import { DomainError, ErrorCode } from './errors';

/** The seeded 2025 and 2026 State Council holiday notices; any other year fails closed. */
export const officialCalendar = (): WorkingDayCalendar =>
  new WorkingDayCalendar([parseHolidayYear(y2025), parseHolidayYear(y2026)]);

/** The DomainError `fn` throws (anything else is rethrown; no throw fails). */
export const errorOf = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
};

/** The error code `fn` throws, or undefined when it does not throw. */
export const codeOf = (fn: () => unknown): ErrorCode | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return undefined;
};
