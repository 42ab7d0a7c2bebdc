import { Injectable } from '@nestjs/common';
import { OrganisationRepository, TaskRepository } from '@safety/persistence';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, Role } from '@safety/domain/identity/roles';
import { AuditService } from './audit.service';
import {
  endOfLocalDay,
  HolidayYear,
  LocalDate,
  toLocalDate,
  validateHolidayYear,
  WorkingDayCalendar,
  yearOf,
} from '@safety/domain/calendar';

export interface DeadlineQuery {
  startDate: LocalDate;
  unit: 'working_days' | 'calendar_days';
  amount: number;
}

/**
 * The official holiday calendar as data (STATUTES.md "Counting days"), read from PostgreSQL on
 * each computation so an administrator's edit takes effect at once across API and worker replicas.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly org: OrganisationRepository,
    private readonly tasks: TaskRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Whether deadlines can be computed: the loaded years, this and next year's status (the State
   * Council publishes next year's notice late in the year), and the open tasks of the actor's
   * departments (every department for a system administrator) that wait for a date, by missing year.
   */
  async readiness(actor: Actor, now: Date = new Date()) {
    const loadedYears = (await this.org.listHolidayYears()).map((y) => y.year).sort((a, b) => a - b);
    const thisYear = yearOf(toLocalDate(now));
    const scope = actor.roles.includes(Role.SYSTEM_ADMIN) ? null : actor.visibleDepartmentIds;
    const byYear = new Map<number | null, number>();
    for (const row of await this.tasks.awaitingCalendar(scope))
      byYear.set(row.year, (byYear.get(row.year) ?? 0) + row.openTasks);
    return {
      today: toLocalDate(now),
      loadedYears,
      currentYear: { year: thisYear, loaded: loadedYears.includes(thisYear) },
      nextYear: { year: thisYear + 1, loaded: loadedYears.includes(thisYear + 1) },
      tasksAwaitingCalendar: [...byYear.entries()]
        .map(([year, openTasks]) => ({ year, openTasks }))
        .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity)),
    };
  }

  async calendar(): Promise<WorkingDayCalendar> {
    const years = await this.org.listHolidayYears();
    return new WorkingDayCalendar(
      years.map((y) => ({
        year: y.year,
        noticeNumber: y.noticeNumber,
        noticeDate: y.noticeDate,
        source: y.source,
        holidays: y.holidays,
        makeupWorkdays: y.makeupWorkdays,
      })),
    );
  }

  /**
   * Due date of a period. Working-day periods (行政处罚法 Art.85) and calendar-day periods with the
   * next-working-day rule (民事诉讼法 Art.85) both need the calendar; a missing year throws
   * CALENDAR_YEAR_NOT_LOADED (fail closed) for the caller to turn into a manual-date task.
   */
  async dueDate(q: DeadlineQuery): Promise<{ dueDate: LocalDate; dueAt: Date }> {
    const cal = await this.calendar();
    const dueDate =
      q.unit === 'working_days'
        ? cal.addWorkingDays(q.startDate, q.amount)
        : cal.addCalendarDays(q.startDate, q.amount);
    return { dueDate, dueAt: endOfLocalDay(dueDate) };
  }

  async listYears(): Promise<HolidayYear[]> {
    return (await this.org.listHolidayYears()).map((y) => ({
      year: y.year,
      noticeNumber: y.noticeNumber,
      noticeDate: y.noticeDate,
      source: y.source,
      holidays: y.holidays,
      makeupWorkdays: y.makeupWorkdays,
    }));
  }

  async getYear(year: number): Promise<HolidayYear> {
    const y = await this.org.findHolidayYear(year);
    if (!y) throw new DomainError(ErrorCode.NOT_FOUND, `no holiday calendar loaded for ${year}`, { year });
    return {
      year: y.year,
      noticeNumber: y.noticeNumber,
      noticeDate: y.noticeDate,
      source: y.source,
      holidays: y.holidays,
      makeupWorkdays: y.makeupWorkdays,
    };
  }

  /** Loads or corrects a year (system administrators); the record keeps what the notice was before and after. */
  async putYear(y: HolidayYear, actor: Actor, requestId?: string): Promise<HolidayYear> {
    validateHolidayYear(y);
    const before = await this.org.findHolidayYear(y.year);
    await this.org.upsertHolidayYear({
      ...y,
      holidays: [...y.holidays].sort(),
      makeupWorkdays: [...y.makeupWorkdays].sort(),
      updatedBy: actor.userId,
    });
    const saved = await this.getYear(y.year);
    const counts = (notice: Pick<HolidayYear, 'noticeNumber' | 'holidays' | 'makeupWorkdays'>) => ({
      noticeNumber: notice.noticeNumber,
      holidays: notice.holidays.length,
      makeupWorkdays: notice.makeupWorkdays.length,
    });
    await this.audit.record({
      actorId: actor.userId,
      actorRole: Role.SYSTEM_ADMIN,
      action: 'CALENDAR_YEAR_SAVED',
      requestId,
      summary: { year: y.year, before: before ? counts(before) : null, after: counts(saved) },
    });
    return saved;
  }
}
