import { useQuery } from '@tanstack/react-query';
import { Alert, Result, Tag, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/errors';
import type { components } from '../api/openapi';
import { chinaDateTime, statutoryClock, yearsSpanned } from './clock';
import { useI18n } from './i18n';

/** The yellow / red card of a task's escalation (set by the workflow's durable timers). */
export function EscalationCard({ escalation }: { escalation: string }) {
  const { t } = useI18n();
  if (escalation === 'RED')
    return (
      <Tag color="red" data-card="RED">
        {t('redCard')}
      </Tag>
    );
  if (escalation === 'YELLOW')
    return (
      <Tag color="gold" data-card="YELLOW">
        {t('yellowCard')}
      </Tag>
    );
  return (
    <Tag color="green" data-card="NONE">
      {t('noCard')}
    </Tag>
  );
}

type HolidayYear = components['schemas']['HolidayYearViewDto_Output'];

/** The official holiday calendars a clock needs, loaded once per year. */
function useCalendarYears(years: number[]) {
  const query = useQuery({
    queryKey: ['calendar-years', years],
    queryFn: async () => {
      const loaded = new Map<number, HolidayYear>();
      for (const year of years) {
        try {
          loaded.set(year, await unwrap(api.GET('/calendar/years/{year}', { params: { path: { year } } })));
        } catch (error) {
          // A year not yet published is a known state (the clock says it cannot count), not an error.
          if (!(error instanceof ApiError && error.status === 404)) throw error;
        }
      }
      return loaded;
    },
    staleTime: 3_600_000,
    enabled: years.length > 0,
  });
  return query.data;
}

/** "还剩 N 个工作日 / 已逾期 N 天", counted on the official calendar in China time. */
export function StatutoryClock({
  dueAt,
  manual,
  unit = 'working',
}: {
  dueAt: string | null;
  manual?: boolean;
  /** Periods the statute counts in calendar days (条例 Art.29: 60 日) say so. */
  unit?: 'working' | 'calendar';
}) {
  const { t } = useI18n();
  const now = new Date();
  const years = useCalendarYears(yearsSpanned(dueAt, now));
  if (manual) return <Tag color="orange">{t('needsManualDueDate')}</Tag>;
  if (!dueAt) return <Typography.Text type="secondary">{t('noDeadline')}</Typography.Text>;
  const clock = statutoryClock(dueAt, now, years ?? new Map());
  const due = chinaDateTime(dueAt);
  switch (clock.state) {
    case 'overdue':
      return (
        <span data-clock="overdue">
          <Tag color="red">{t('overdueDays', { days: clock.days })}</Tag> {due}
        </span>
      );
    case 'dueToday':
      return (
        <span data-clock="today">
          <Tag color="gold">{t('dueToday')}</Tag> {due}
        </span>
      );
    case 'remaining':
      return (
        <span data-clock="remaining">
          <Tag color={clock.workingDays <= 2 ? 'gold' : 'blue'}>
            {unit === 'working'
              ? t('remainingWorkingDays', { days: clock.workingDays })
              : t('remainingDays', { days: clock.calendarDays })}
          </Tag>{' '}
          {due}
        </span>
      );
    default:
      return <span data-clock="uncounted">{years ? t('clockUncounted', { date: due }) : due}</span>;
  }
}

/** An API failure said plainly (the API's message is already in the reader's language). */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && (error.status === 403 || error.status === 404))
    return (
      <Result
        status={error.status === 403 ? '403' : '404'}
        title={error.status === 403 ? t('forbidden', { message }) : t('notFound')}
        subTitle={error.status === 404 ? message : error.body.code}
      />
    );
  return <Alert type="error" showIcon role="alert" message={t('error', { message })} />;
}

/** Colleagues a step may name, by id. */
export function useDirectory(enabled = true) {
  return useQuery({
    queryKey: ['directory'],
    queryFn: async () => {
      const page = await unwrap(api.GET('/directory/users', { params: { query: { limit: 100 } } }));
      return page.items;
    },
    staleTime: 300_000,
    enabled,
  });
}

export const ChinaTime = ({ value }: { value: string | null | undefined }) => <>{chinaDateTime(value)}</>;

export { DepartmentName, useDepartmentsById, UserName, usePeopleById } from './names';
