import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import type { components } from '../api/openapi';
import { ErrorNotice } from '../lib/components';
import { useI18n } from '../lib/i18n';

type Report = components['schemas']['IndicatorReportDto_Output'];
type Plan = Report['plans'][number];
type Indicator = Plan['indicators'][number];

const VERDICT_COLOURS: Record<string, string> = {
  ACHIEVED: 'green',
  ON_TRACK: 'blue',
  OFF_TRACK: 'orange',
  NOT_ACHIEVED: 'red',
  NO_DATA: 'default',
  NOT_RATED: 'default',
};

/**
 * 规划指标: each plan of the jurisdiction, its indicators for one year with value, target and verdict, and the result
 * the agencies published beside it (flagged when it differs beyond the tolerance).
 */
export function IndicatorsPage() {
  const { t } = useI18n();
  const report = useQuery({ queryKey: ['indicators'], queryFn: () => unwrap(api.GET('/indicators')) });
  if (report.isPending) return <Spin />;
  if (report.error) return <ErrorNotice error={report.error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('indicators')}</Typography.Title>
      {report.data.plans.length === 0 && <Typography.Text>{t('noIndicatorPlans')}</Typography.Text>}
      {report.data.plans.map((plan) => (
        <PlanCard key={plan.id} plan={plan} />
      ))}
    </Space>
  );
}

function PlanCard({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const years: number[] = [];
  for (let y = plan.periodStartYear; y <= plan.periodEndYear; y++) years.push(y);
  const [year, setYear] = useState(years[years.length - 1]);
  const ofYear = (i: Indicator) => i.years.find((y) => y.year === year);
  return (
    <Card
      title={`${plan.title}（${plan.regionName ?? ''} ${plan.periodStartYear}–${plan.periodEndYear}）`}
      data-plan={plan.code}
      extra={
        <Select
          aria-label={t('year')}
          showSearch
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
      }
    >
      <Table<Indicator>
        rowKey="id"
        pagination={false}
        dataSource={plan.indicators}
        columns={[
          { title: t('indicator'), dataIndex: 'name' },
          {
            title: t('indicatorNature'),
            render: (_, i) => <Tag color={i.nature === 'BINDING' ? 'purple' : 'default'}>{i.natureLabel}</Tag>,
          },
          { title: t('baseline'), render: (_, i) => `${i.baseline.year}: ${i.baseline.value} ${i.unit}` },
          {
            title: t('target'),
            render: (_, i) =>
              i.target.kind === 'CEILING'
                ? t('targetCeiling', { value: i.target.value, unit: i.unit })
                : t('targetDecrease', { value: i.target.value, threshold: i.target.threshold }),
          },
          { title: t('actualValue'), render: (_, i) => ofYear(i)?.value ?? '—' },
          {
            title: t('verdict'),
            render: (_, i) => {
              const y = ofYear(i);
              return y ? (
                <Tag color={VERDICT_COLOURS[y.verdict]} data-verdict={y.verdict}>
                  {y.verdictLabel}
                </Tag>
              ) : (
                '—'
              );
            },
          },
          {
            title: t('publishedResult'),
            render: (_, i) => {
              const p = ofYear(i)?.published;
              if (!p) return '—';
              return (
                <Space size={4} wrap data-published={p.discrepancy ? 'discrepancy' : 'agrees'} title={p.source}>
                  <span>{p.value}</span>
                  <Tag color={VERDICT_COLOURS[p.verdict]}>{p.verdictLabel}</Tag>
                  {p.discrepancy && <Tag color="red">{t('publishedDiscrepancy')}</Tag>}
                </Space>
              );
            },
          },
          {
            title: t('yearOnYear'),
            render: (_, i) => {
              const c = ofYear(i)?.previousYear;
              return c?.change === null || c === undefined
                ? '—'
                : `${c.change > 0 ? '+' : ''}${c.change}${c.changePct === null ? '' : ` (${c.changePct}%)`}`;
            },
          },
          { title: t('leadDepartment'), dataIndex: 'leadDepartment' },
        ]}
      />
    </Card>
  );
}
