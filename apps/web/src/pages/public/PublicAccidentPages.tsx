import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Spin, Table } from 'antd';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/openapi';
import { ErrorNotice } from '../../lib/components';
import { useI18n } from '../../lib/i18n';
import { usePagedList } from '../../lib/use-paged-list';
import { PayloadView } from '../case-sections';

/** A published report as the API answers it (its OpenAPI schema). */
type PublicReport = components['schemas']['PublicReportDto_Output'];

/** 事故调查报告公开 (条例 Art.34): names, phones and ID numbers masked; nothing about referrals. */
export function PublicAccidentReportsPage() {
  const { t } = useI18n();
  const list = usePagedList<PublicReport>(['public-accidents'], (page) =>
    unwrap(api.GET('/public/accident-reports', { params: { query: page } })),
  );
  return (
    <Card title={t('publicAccidents')}>
      <ErrorNotice error={list.query.error} />
      <Table<PublicReport>
        rowKey="id"
        loading={list.query.isLoading}
        dataSource={list.items}
        pagination={list.pagination}
        scroll={{ x: 700 }}
        columns={[
          {
            title: t('occurredAt'),
            key: 'on',
            render: (_, r) => <Link to={`/ui/public/accidents/${r.id}`}>{r.occurredOn}</Link>,
          },
          { title: t('enterprise'), dataIndex: 'enterprise' },
          { title: t('grade'), dataIndex: 'gradeLabel' },
          { title: t('deaths'), dataIndex: 'deaths' },
          { title: t('summary'), dataIndex: 'summary', ellipsis: true },
        ]}
      />
    </Card>
  );
}

export function PublicAccidentReportPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const report = useQuery({
    queryKey: ['public-accident', id],
    queryFn: () => unwrap<PublicReport>(api.GET('/public/accident-reports/{id}', { params: { path: { id: id! } } })),
  });
  if (report.error) return <ErrorNotice error={report.error} />;
  if (!report.data) return <Spin />;
  const { id: _id, grade: _grade, gradeLabel, ...rest } = report.data;
  return (
    <Card title={t('publicAccidents')}>
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label={t('grade')}>{gradeLabel}</Descriptions.Item>
      </Descriptions>
      <PayloadView value={rest} />
    </Card>
  );
}
