import { Card, Table, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/openapi';
import { ErrorNotice } from '../../lib/components';
import { useI18n } from '../../lib/i18n';
import { usePagedList } from '../../lib/use-paged-list';

/** A published summons record as the API answers it (its OpenAPI schema). */
type PublicSummons = components['schemas']['PublicSummonsPageDto_Output']['items'][number];

/** 约谈情况公开: whom a department summoned and why, what it published and the commitments; the person masked. */
export function PublicSummonsesPage() {
  const { t } = useI18n();
  const list = usePagedList<PublicSummons>(['public-summonses'], (page) =>
    unwrap(api.GET('/public/summonses', { params: { query: page } })),
  );
  return (
    <Card title={t('publicSummonses')}>
      <ErrorNotice error={list.query.error} />
      <Table<PublicSummons>
        rowKey={(summons) => `${summons.department}:${summons.targetName}:${summons.publishedOn}:${summons.reason}`}
        loading={list.query.isLoading}
        dataSource={list.items}
        pagination={list.pagination}
        scroll={{ x: 800 }}
        expandable={{
          expandedRowRender: (summons) => (
            <>
              <Typography.Paragraph>{summons.summary}</Typography.Paragraph>
              <Table
                rowKey="content"
                size="small"
                pagination={false}
                dataSource={summons.commitments}
                columns={[
                  { title: t('commitments'), dataIndex: 'content' },
                  { title: t('dueAt'), dataIndex: 'deadline' },
                  { title: t('status'), dataIndex: 'statusLabel' },
                ]}
              />
            </>
          ),
        }}
        columns={[
          { title: t('department'), dataIndex: 'department' },
          { title: t('summonsTarget'), key: 'target', render: (_, s) => `${s.targetName}（${s.targetKindLabel}）` },
          { title: t('summonsPerson'), dataIndex: 'principalName' },
          { title: t('reason'), dataIndex: 'reason' },
          { title: t('heldOn'), dataIndex: 'heldOn' },
          { title: t('publishedOn'), dataIndex: 'publishedOn' },
          { title: t('publicationChannel'), dataIndex: 'channelLabel' },
        ]}
      />
    </Card>
  );
}
