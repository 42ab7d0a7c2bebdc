import type { HTMLAttributes } from 'react';
import { Card, Table, Tag } from 'antd';
import type { components } from '../api/openapi';
import { ChinaTime } from '../lib/components';
import { hoursClock } from '../lib/clock';
import { useI18n } from '../lib/i18n';

type UpwardReport = components['schemas']['AccidentDetailDto_Output']['upwardReports'][number];
type DepartmentNotifications = components['schemas']['AccidentDetailDto_Output']['reportNotifications'][number];

/** How long an open level has left of its 2 hours, or how long it is overdue (wall clock). */
function HoursLeft({ dueAt }: { dueAt: string | null }) {
  const { t } = useI18n();
  const clock = hoursClock(dueAt, new Date());
  if (clock.state === 'none') return <>—</>;
  return clock.state === 'overdue' ? (
    <Tag color="red" data-clock="overdue">
      {t('overdueHours', clock)}
    </Tag>
  ) : (
    <Tag color={clock.hours === 0 && clock.minutes <= 30 ? 'gold' : 'blue'} data-clock="remaining">
      {t('remainingHours', clock)}
    </Tag>
  );
}

/**
 * 逐级上报 (条例 Art.10–11): one row per level of each chain, with its 2-hour due in China time, when it was
 * reported, and a red 逾期 when late; a level still open shows the time left or overdue. A level a lower
 * one reported to directly (越级上报, Art.10 para.2) is marked.
 */
export function UpwardReports({ reports }: { reports: UpwardReport[] }) {
  const { t, code } = useI18n();
  return (
    <Card title={t('upwardReports')} data-testid="upward-reports">
      <Table<UpwardReport>
        size="small"
        rowKey="taskId"
        pagination={false}
        dataSource={reports}
        locale={{ emptyText: t('noData') }}
        onRow={(r) => ({ 'data-level': r.level, 'data-chain': r.chain }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('reportChain'), key: 'chain', render: (_, r) => code(r.chain) },
          {
            title: t('reportLevel'),
            key: 'level',
            render: (_, r) => (
              <>
                {code(r.level)}
                {r.skipLevel ? (
                  <Tag color="purple" data-testid="skip-level">
                    {t('skipLevelReport')}
                  </Tag>
                ) : null}
              </>
            ),
          },
          { title: t('reportDepartment'), key: 'department', render: (_, r) => r.departmentName },
          {
            title: t('reportRecipient'),
            key: 'recipient',
            render: (_, r) => (r.recipient ? `${r.recipient}（${r.means ? code(r.means) : '—'}）` : null),
          },
          { title: t('reportDue'), key: 'due', render: (_, r) => <ChinaTime value={r.dueAt} /> },
          {
            title: t('reportedAt'),
            key: 'reportedAt',
            render: (_, r) => (r.reportedAt ? <ChinaTime value={r.reportedAt} /> : <HoursLeft dueAt={r.dueAt} />),
          },
          {
            title: t('status'),
            key: 'late',
            render: (_, r) => (r.late ? <Tag color="red">{t('lateReport')}</Tag> : null),
          },
        ]}
      />
    </Card>
  );
}

/**
 * 条例 Art.10(1): per department that received the report, the bodies it notified (when, how) and, in red,
 * those not notified yet.
 */
export function ReportNotifications({ departments }: { departments: DepartmentNotifications[] }) {
  const { t, code } = useI18n();
  return (
    <Card title={t('reportNotifications')} data-testid="report-notifications">
      <Table<DepartmentNotifications>
        size="small"
        rowKey="departmentId"
        pagination={false}
        dataSource={departments}
        locale={{ emptyText: t('noData') }}
        columns={[
          { title: t('reportDepartment'), key: 'department', render: (_, d) => d.departmentName },
          {
            title: t('notifiedBodies'),
            key: 'notified',
            render: (_, d) =>
              d.notified.map((n) => (
                <div key={n.body} data-body={n.body}>
                  {code(n.body)} · <ChinaTime value={n.notifiedAt} /> · {code(n.means)}
                </div>
              )),
          },
          {
            title: t('missingBodies'),
            key: 'missing',
            render: (_, d) =>
              d.missing.map((body) => (
                <Tag color="red" key={body} data-missing={body}>
                  {code(body)}
                </Tag>
              )),
          },
        ]}
      />
    </Card>
  );
}
