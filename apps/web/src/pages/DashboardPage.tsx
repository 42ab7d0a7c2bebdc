import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { api, unwrap } from '../api/client';
import type { DashboardRow } from '../api/types';
import { ErrorNotice, useDepartmentsById } from '../lib/components';
import { useI18n } from '../lib/i18n';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Open, due-soon (yellow) and overdue (red) steps per department, as the workflows' timers set them. */
export default function DashboardPage() {
  const { t } = useI18n();
  const dashboard = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => unwrap(api.GET('/tasks/dashboard')),
    refetchInterval: 30_000,
  });
  const departments = useDepartmentsById((dashboard.data?.departments ?? []).map((row) => row.departmentId));
  const rows = (dashboard.data?.departments ?? []).map((row) => ({
    ...row,
    name: departments.get(row.departmentId)?.name ?? row.departmentId.slice(0, 8),
  }));
  const sum = (key: 'open' | 'dueSoon' | 'overdue') => rows.reduce((total, row) => total + row[key], 0);
  return (
    <Card title={t('dashboard')}>
      <ErrorNotice error={dashboard.error} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={8}>
          <Statistic title={t('openTasks')} value={sum('open')} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('dueSoon')} value={sum('dueSoon')} valueStyle={{ color: '#d48806' }} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('overdue')} value={sum('overdue')} valueStyle={{ color: '#cf1322' }} />
        </Col>
      </Row>
      <DepartmentChart rows={rows} labels={[t('openTasks'), t('dueSoon'), t('overdue')]} />
      <Table
        rowKey="departmentId"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="dashboard-table"
        columns={[
          { title: t('department'), dataIndex: 'name' },
          { title: t('openTasks'), dataIndex: 'open' },
          { title: t('dueSoon'), dataIndex: 'dueSoon' },
          { title: t('overdue'), dataIndex: 'overdue' },
        ]}
      />
    </Card>
  );
}

function DepartmentChart({ rows, labels }: { rows: Array<DashboardRow & { name: string }>; labels: string[] }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: labels },
      grid: { left: 40, right: 16, bottom: 40, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((row) => row.name),
        axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: labels[0], type: 'bar', data: rows.map((row) => row.open), itemStyle: { color: '#1554ad' } },
        { name: labels[1], type: 'bar', data: rows.map((row) => row.dueSoon), itemStyle: { color: '#faad14' } },
        { name: labels[2], type: 'bar', data: rows.map((row) => row.overdue), itemStyle: { color: '#cf1322' } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, labels]);
  return (
    <div
      ref={element}
      role="img"
      aria-label={labels.join(' / ')}
      style={{ width: '100%', height: 300 }}
      data-testid="dashboard-chart"
    />
  );
}
