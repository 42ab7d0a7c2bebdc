import { Link, useParams } from 'react-router';
import { Card, Space, Spin, Table, Tabs, Tag } from 'antd';
import type { TaskView } from '../api/types';
import { EscalationCard, ErrorNotice, StatutoryClock, UserName } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { PenaltyCaseActions } from './case-actions';
import { CaseContext, ChainBadge, CompletedSteps, Documents, Evidence, Timeline, useCaseDetail } from './case-sections';

/** The case page: context, open steps, record (with its chain verification), evidence, documents. */
export function CasePage() {
  const { id } = useParams();
  const { t, code } = useI18n();
  const detail = useCaseDetail(id, 15_000);
  if (detail.error) return <ErrorNotice error={detail.error} />;
  if (!detail.data) return <Spin />;
  const open = detail.data.tasks.filter((task) => task.status === 'OPEN' || task.status === 'CLAIMED');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={detail.data.title} extra={<ChainBadge caseId={detail.data.id} />}>
        <CaseContext detail={detail.data} />
        {detail.data.caseType === 'PENALTY' && (
          <div style={{ marginTop: 12 }}>
            <PenaltyCaseActions detail={detail.data} />
          </div>
        )}
      </Card>
      <Card title={t('inbox')}>
        <Table<TaskView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={open}
          locale={{ emptyText: t('noData') }}
          scroll={{ x: 600 }}
          columns={[
            {
              title: t('task'),
              key: 'title',
              render: (_, task) => <Link to={`/ui/tasks/${task.id}`}>{task.title}</Link>,
            },
            { title: t('status'), key: 'status', render: (_, task) => <Tag>{code(task.status)}</Tag> },
            { title: t('by'), key: 'assignee', render: (_, task) => <UserName id={task.assigneeId} /> },
            {
              title: t('dueAt'),
              key: 'due',
              render: (_, task) => <StatutoryClock dueAt={task.dueAt} manual={task.needsManualDueDate} />,
            },
            {
              title: t('escalation'),
              key: 'card',
              render: (_, task) => <EscalationCard escalation={task.escalation} />,
            },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'timeline', label: t('timeline'), children: <Timeline caseId={detail.data.id} /> },
            { key: 'steps', label: t('previousSteps'), children: <CompletedSteps tasks={detail.data.tasks} /> },
            { key: 'evidence', label: t('evidence'), children: <Evidence caseId={detail.data.id} /> },
            { key: 'documents', label: t('documents'), children: <Documents caseId={detail.data.id} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
