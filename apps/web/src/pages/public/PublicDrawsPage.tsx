import { Card, Table } from 'antd';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/openapi';
import { ChinaTime, ErrorNotice } from '../../lib/components';
import { useI18n } from '../../lib/i18n';
import { usePagedList } from '../../lib/use-paged-list';

/** A published draw as the API answers it (its OpenAPI schema). */
type PublicDraw = components['schemas']['PublicDrawPageDto_Output']['items'][number];

/** 双随机、一公开: reproducible from the seed; inspectors' names masked. */
export function PublicDrawsPage() {
  const { t } = useI18n();
  const list = usePagedList<PublicDraw>(['public-draws'], (page) =>
    unwrap(api.GET('/public/inspection-draws', { params: { query: page } })),
  );
  return (
    <Card title={t('publicDraws')}>
      <ErrorNotice error={list.query.error} />
      <Table<PublicDraw>
        rowKey="drawNo"
        loading={list.query.isLoading}
        dataSource={list.items}
        pagination={list.pagination}
        scroll={{ x: 700 }}
        expandable={{
          expandedRowRender: (draw) => (
            <Table
              rowKey="position"
              size="small"
              pagination={false}
              dataSource={draw.targets}
              columns={[
                { title: '#', dataIndex: 'position' },
                { title: t('enterprise'), dataIndex: 'enterpriseName' },
                { title: t('creditCode'), dataIndex: 'creditCode' },
                { title: t('inspectors'), key: 'inspectors', render: (_, target) => target.inspectors.join('、') },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('drawNo'), dataIndex: 'drawNo' },
          { title: t('department'), dataIndex: 'department' },
          { title: t('inspectionPlan'), key: 'plan', render: (_, d) => d.plan?.title ?? '—' },
          { title: t('type'), key: 'kind', render: (_, d) => d.plan?.kindLabel ?? '—' },
          { title: t('at'), key: 'at', render: (_, d) => <ChinaTime value={d.drawnAt} /> },
          { title: t('drawSeed'), dataIndex: 'seed' },
        ]}
      />
    </Card>
  );
}
