import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { isoInstant, localDate, text } from '../contract/schemas';

/** Holiday calendars exist for years the system can schedule in (the inspection-plan bound too). */
export class YearParams extends createZodDto(
  z.strictObject({
    // Bounds first, each ending the check: a huge number is one problem, not also an unsafe integer.
    year: z.coerce.number().min(2000, { abort: true }).max(2100, { abort: true }).int(),
  }),
) {}

const HolidayNoticeSchema = z.strictObject({
  noticeNumber: text(64).meta({ example: '国办发明电〔2025〕7号', description: 'The State Council notice' }),
  noticeDate: localDate().meta({ example: '2025-11-04' }),
  source: text(500).meta({ description: 'Notice title and URL, so the data can be checked against it' }),
  holidays: z
    .array(localDate())
    .max(60)
    .meta({ description: 'Every declared rest day of the holiday periods, weekday or weekend' }),
  makeupWorkdays: z.array(localDate()).max(20).meta({ description: '调休上班: weekend days declared working days' }),
});

export class HolidayYearDto extends createZodDto(HolidayNoticeSchema) {}

const HolidayYearViewSchema = HolidayNoticeSchema.extend({ year: z.int() });

export class HolidayYearViewDto extends createZodDto(HolidayYearViewSchema) {}
export class HolidayYearListDto extends createZodDto(z.object({ items: z.array(HolidayYearViewSchema) })) {}

export class DueDateQueryDto extends createZodDto(
  z.strictObject({
    start: localDate().meta({ example: '2026-09-28', description: 'The day the period starts from' }),
    unit: z.enum(['working_days', 'calendar_days']),
    amount: z.coerce.number().int().min(1).max(3650),
  }),
) {}

export class DueDateDto extends createZodDto(
  z.object({
    start: localDate(),
    unit: z.enum(['working_days', 'calendar_days']),
    amount: z.int(),
    dueDate: localDate().meta({ description: 'The last day of the period (China local date)' }),
    dueAt: isoInstant().meta({ description: 'The end of that day in China' }),
  }),
) {}

export const dueDateView = (
  query: { start: string; unit: 'working_days' | 'calendar_days'; amount: number },
  due: { dueDate: string; dueAt: Date },
): z.infer<typeof DueDateDto.schema> => ({ ...query, dueDate: due.dueDate, dueAt: due.dueAt.toISOString() });

export class CalendarReadinessDto extends createZodDto(
  z.object({
    today: localDate(),
    loadedYears: z.array(z.int()),
    currentYear: z.object({ year: z.int(), loaded: z.boolean() }),
    nextYear: z
      .object({ year: z.int(), loaded: z.boolean() })
      .meta({ description: "Next year's notice is published late in the year: load it before periods run into it" }),
    tasksAwaitingCalendar: z
      .array(z.object({ year: z.int().nullable(), openTasks: z.int() }))
      .meta({ description: 'Open tasks without a computed deadline, by the year whose holiday notice is missing' }),
  }),
) {}
