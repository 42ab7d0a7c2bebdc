import { Card, Table } from 'antd';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/openapi';
import { ChinaTime, ErrorNotice } from '../../lib/components';
import { useI18n } from '../../lib/i18n';
import { usePagedList } from '../../lib/use-paged-list';

/** A published decision and a dishonest listing as the API answers them (their OpenAPI schemas). */
type PublicDecision = components['schemas']['PublicDecisionPageDto_Output']['items'][number];
type PublicListing = components['schemas']['PublicListingPageDto_Output']['items'][number];

/** Published penalty decisions (安全生产法 Art.78), newest first; withdrawn ones are gone (行政处罚法 Art.48). */
export function PublicDecisionsPage() {
  const { t } = useI18n();
  const list = usePagedList<PublicDecision>(['public-decisions'], (page) =>
    unwrap(api.GET('/public/penalty-decisions', { params: { query: page } })),
  );
  return (
    <Card title={t('publicDecisions')}>
      <ErrorNotice error={list.query.error} />
      <Table<PublicDecision>
        rowKey="decisionNumber"
        loading={list.query.isLoading}
        dataSource={list.items}
        pagination={list.pagination}
        scroll={{ x: 900 }}
        data-testid="public-decisions"
        columns={[
          { title: t('decisionNumber'), dataIndex: 'decisionNumber' },
          { title: t('party'), dataIndex: 'partyName' },
          { title: t('violation'), dataIndex: 'violation' },
          { title: t('penalty'), dataIndex: 'penalty' },
          { title: t('department'), dataIndex: 'department' },
          { title: t('decidedOn'), dataIndex: 'decisionDate' },
          { title: t('publishedAt'), key: 'published', render: (_, d) => <ChinaTime value={d.publishedAt} /> },
        ]}
      />
    </Card>
  );
}

export function PublicDishonestPage() {
  const { t } = useI18n();
  const list = usePagedList<PublicListing>(['public-dishonest'], (page) =>
    unwrap(api.GET('/public/dishonest-entities', { params: { query: page } })),
  );
  return (
    <Card title={t('publicDishonest')}>
      <ErrorNotice error={list.query.error} />
      <Table<PublicListing>
        rowKey={(listing) => `${listing.creditCode}/${listing.decisionNumber}`}
        loading={list.query.isLoading}
        dataSource={list.items}
        pagination={list.pagination}
        scroll={{ x: 700 }}
        columns={[
          { title: t('party'), dataIndex: 'partyName' },
          { title: t('creditCode'), dataIndex: 'creditCode' },
          { title: t('reason'), dataIndex: 'reason' },
          { title: t('decisionNumber'), dataIndex: 'decisionNumber' },
          { title: t('publishedAt'), dataIndex: 'listedOn' },
        ]}
      />
    </Card>
  );
}
