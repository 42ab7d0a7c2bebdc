import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Spin, Table } from 'antd';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/openapi';
import { ChinaTime, ErrorNotice } from '../../lib/components';
import { useI18n } from '../../lib/i18n';
import { usePagedList } from '../../lib/use-paged-list';

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

/** One published report: the accident, its causes, the people held responsible (masked) and the measures. */
export function PublicAccidentReportPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const report = useQuery({
    queryKey: ['public-accident', id],
    queryFn: () => unwrap(api.GET('/public/accident-reports/{id}', { params: { path: { id: id! } } })),
  });
  if (report.error) return <ErrorNotice error={report.error} />;
  if (!report.data) return <Spin />;
  const r = report.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('publicAccidents')} data-testid="public-accident-report">
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('occurredAt')}>{r.occurredOn}</Descriptions.Item>
          <Descriptions.Item label={t('grade')}>{r.gradeLabel}</Descriptions.Item>
          <Descriptions.Item label={t('region')}>{r.region}</Descriptions.Item>
          <Descriptions.Item label={t('sector')}>{r.sector}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise')}>{r.enterprise ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('place')}>{r.place}</Descriptions.Item>
          <Descriptions.Item label={t('deaths')}>{r.deaths}</Descriptions.Item>
          <Descriptions.Item label={t('seriousInjuries')}>{r.seriousInjuries}</Descriptions.Item>
          <Descriptions.Item label={t('directLoss')}>{r.directLossYuan.toLocaleString('zh-CN')}</Descriptions.Item>
          <Descriptions.Item label={t('approvedAt')}>
            <ChinaTime value={r.approvedAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('accidentSummary')} span={2}>
            {r.summary ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('directCauses')} span={2}>
            {r.directCauses}
          </Descriptions.Item>
          <Descriptions.Item label={t('indirectCauses')} span={2}>
            {r.indirectCauses}
          </Descriptions.Item>
          <Descriptions.Item label={t('educationMeasures')} span={2}>
            {r.educationMeasures}
          </Descriptions.Item>
          <Descriptions.Item label={t('reportPublishedAt')} span={2}>
            <ChinaTime value={r.publishedAt} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('responsibleParties')}>
        <Table
          rowKey={(party) => `${party.kind}/${party.name}/${party.responsibility}`}
          size="small"
          pagination={false}
          scroll={{ x: 700 }}
          dataSource={r.responsibleParties}
          columns={[
            { title: t('partyKind'), dataIndex: 'kindLabel' },
            { title: t('partyName'), dataIndex: 'name' },
            { title: t('position'), key: 'position', render: (_, party) => party.position ?? '—' },
            { title: t('responsibility'), dataIndex: 'responsibility' },
            { title: t('proposedHandling'), dataIndex: 'proposedHandlingLabel' },
          ]}
        />
      </Card>
      <Card title={t('rectificationMeasures')}>
        <Table
          rowKey="seq"
          size="small"
          pagination={false}
          scroll={{ x: 700 }}
          dataSource={r.rectificationMeasures}
          columns={[
            { title: '#', dataIndex: 'seq' },
            { title: t('measure'), dataIndex: 'description' },
            { title: t('measureOwner'), dataIndex: 'owner' },
            { title: t('measureDue'), dataIndex: 'dueDate' },
            { title: t('status'), dataIndex: 'statusLabel' },
          ]}
        />
      </Card>
      {r.evaluation && (
        <Card title={t('oneYearEvaluation')}>
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label={t('reportPublishedAt')}>
              <ChinaTime value={r.evaluation.publishedAt} />
            </Descriptions.Item>
            <Descriptions.Item label={t('summary')}>{r.evaluation.findings ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}
