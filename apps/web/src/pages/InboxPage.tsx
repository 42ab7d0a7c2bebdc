import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Modal, Select, Space, Switch, Table, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import type { DirectoryUser, InboxTask } from '../api/types';
import { UserSelect } from '../form/UserSelect';
import { EscalationCard, ErrorNotice, StatutoryClock, UserName, useDirectory } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { hasRole, useSession } from '../lib/session';
import { useTaskTypes } from '../lib/task-types';
import { usePagedList } from '../lib/use-paged-list';

interface Filters {
  type?: string;
  status?: 'OPEN' | 'CLAIMED';
  escalation?: 'NONE' | 'YELLOW' | 'RED';
  overdue?: boolean;
}

/**
 * 待办: my tasks and my groups' tasks, soonest due first. A queue of given step types (`types`) lists only
 * those: one at a time, the first until another is chosen.
 */
export function InboxPage({ types, title }: { types?: string[]; title?: string }) {
  const { t, code, pick } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const taskTypes = useTaskTypes();
  const [filters, setFilters] = useState<Filters>({});
  const [reassigning, setReassigning] = useState<InboxTask | null>(null);
  const query = { ...filters, type: types ? (filters.type ?? types[0]) : filters.type };
  const list = usePagedList<InboxTask>(
    ['inbox', query],
    (page) =>
      unwrap(
        api.GET('/tasks', {
          params: {
            query: {
              ...page,
              type: query.type,
              status: query.status,
              escalation: query.escalation,
              overdue: query.overdue ? 'true' : undefined,
            },
          },
        }),
      ),
    20,
    15_000,
  );
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    void queryClient.invalidateQueries({ queryKey: ['inbox-counts'] });
  };
  const act = useMutation({
    mutationFn: ({ task, action }: { task: InboxTask; action: 'claim' | 'release' }) =>
      unwrap(
        action === 'claim'
          ? api.POST('/tasks/{id}/claim', { params: { path: { id: task.id } } })
          : api.POST('/tasks/{id}/release', { params: { path: { id: task.id } } }),
      ),
    onSuccess: refresh,
    onError: (error) => void message.error(error.message),
  });
  const typeTitle = (type: string) => pick(taskTypes.data?.find((tt) => tt.type === type)?.title) || type;

  return (
    <Card title={title ?? t('inbox')} extra={<Button onClick={refresh}>{t('refresh')}</Button>}>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }} aria-label={t('search')}>
        {(!types || types.length > 1) && (
          <Form.Item label={t('type')}>
            <Select
              allowClear={!types}
              showSearch
              style={{ minWidth: 180 }}
              placeholder={t('all')}
              value={query.type}
              onChange={(type) => {
                setFilters({ ...filters, type });
                list.resetPage();
              }}
              options={(taskTypes.data ?? [])
                .filter((tt) => !types || types.includes(tt.type))
                .map((tt) => ({ value: tt.type, label: pick(tt.title) }))}
              optionFilterProp="label"
              data-filter="type"
            />
          </Form.Item>
        )}
        <Form.Item label={t('status')}>
          <Select
            allowClear
            style={{ minWidth: 120 }}
            placeholder={t('all')}
            value={filters.status}
            onChange={(status) => {
              setFilters({ ...filters, status });
              list.resetPage();
            }}
            options={(['OPEN', 'CLAIMED'] as const).map((value) => ({ value, label: code(value) }))}
            data-filter="status"
          />
        </Form.Item>
        <Form.Item label={t('escalation')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 120 }}
            placeholder={t('all')}
            value={filters.escalation}
            onChange={(escalation) => {
              setFilters({ ...filters, escalation });
              list.resetPage();
            }}
            options={(['NONE', 'YELLOW', 'RED'] as const).map((value) => ({ value, label: code(value) }))}
            data-filter="escalation"
          />
        </Form.Item>
        <Form.Item label={t('overdueOnly')}>
          <Switch
            checked={!!filters.overdue}
            onChange={(overdue) => {
              setFilters({ ...filters, overdue });
              list.resetPage();
            }}
            data-filter="overdue"
          />
        </Form.Item>
      </Form>
      <ErrorNotice error={list.query.error} />
      <Table<InboxTask>
        rowKey="id"
        size="middle"
        loading={list.query.isLoading}
        dataSource={list.items}
        pagination={list.pagination}
        scroll={{ x: 900 }}
        data-testid="inbox-table"
        columns={[
          {
            title: t('taskTitle'),
            key: 'title',
            render: (_, task) => (
              <Link to={`/ui/tasks/${task.id}`} data-task-type={task.type}>
                {task.title || typeTitle(task.type)}
              </Link>
            ),
          },
          {
            title: t('caseNo'),
            key: 'case',
            render: (_, task) => (
              <Link to={`/ui/cases/${task.caseId}`}>
                <Typography.Text>{task.case?.referenceNo ?? '—'}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{task.case?.title}</Typography.Text>
              </Link>
            ),
          },
          { title: t('enterprise'), key: 'enterprise', render: (_, task) => task.case?.enterpriseName ?? '—' },
          {
            title: t('dueAt'),
            key: 'due',
            render: (_, task) => <StatutoryClock dueAt={task.dueAt} manual={task.needsManualDueDate} />,
          },
          { title: t('escalation'), key: 'card', render: (_, task) => <EscalationCard escalation={task.escalation} /> },
          {
            title: t('status'),
            key: 'status',
            render: (_, task) => (
              <>
                {code(task.status)}
                {task.assigneeId && (
                  <Typography.Text type="secondary">
                    {' · '}
                    {task.assigneeId === user?.id ? t('me') : <UserName id={task.assigneeId} />}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, task) => (
              <Space wrap>
                <Link to={`/ui/tasks/${task.id}`}>{t('open')}</Link>
                {task.status === 'OPEN' && (
                  <Button size="small" onClick={() => act.mutate({ task, action: 'claim' })} data-action="claim">
                    {t('claim')}
                  </Button>
                )}
                {task.status === 'CLAIMED' && task.assigneeId === user?.id && (
                  <Button size="small" onClick={() => act.mutate({ task, action: 'release' })} data-action="release">
                    {t('release')}
                  </Button>
                )}
                {hasRole(user, 'AGENCY_HEAD') && (
                  <Button size="small" onClick={() => setReassigning(task)} data-action="reassign">
                    {t('reassign')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {reassigning && <ReassignDialog task={reassigning} onClose={() => setReassigning(null)} onDone={refresh} />}
    </Card>
  );
}

function ReassignDialog({ task, onClose, onDone }: { task: InboxTask; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const directory = useDirectory();
  const [assigneeId, setAssigneeId] = useState<string>();
  const reassign = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/tasks/{id}/reassign', { params: { path: { id: task.id } }, body: { assigneeId: assigneeId! } }),
      ),
    onSuccess: () => {
      onDone();
      onClose();
    },
    onError: (error) => void message.error(error.message),
  });
  // A step goes to a holder of one of its roles in its own department (the API refuses anyone else).
  const mayTake = (u: DirectoryUser) =>
    u.departmentId === task.departmentId && u.roles.some((role) => task.candidateRoles.includes(role));
  const eligible = (directory.data ?? []).filter(mayTake);
  return (
    <Modal
      open
      title={`${t('reassign')}：${task.title}`}
      onCancel={onClose}
      onOk={() => reassign.mutate()}
      okButtonProps={{ disabled: !assigneeId, loading: reassign.isPending }}
      okText={t('confirm')}
      cancelText={t('cancel')}
    >
      <Form layout="vertical">
        <Form.Item label={t('reassignTo')}>
          <UserSelect
            colleagues={eligible}
            multiple={false}
            eligible={mayTake}
            value={assigneeId}
            onChange={(value: unknown) => setAssigneeId(value as string | undefined)}
            data-field="assignee"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
