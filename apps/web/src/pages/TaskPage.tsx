import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, List, Row, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/openapi';
import type { CompletionAnswer, OutcomeContract } from '../api/types';
import { SchemaForm } from '../form/SchemaForm';
import { EscalationCard, ErrorNotice, StatutoryClock, UserName } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { useSession } from '../lib/session';
import { useTaskTypes } from '../lib/task-types';
import { TaskDeadlineAction } from './case-actions';
import { CaseContext, CompletedSteps, Documents, Evidence, Timeline, useCaseDetail } from './case-sections';
import { proposalOf, ReviewPanel } from './review-panel';

type NextTask = CompletionAnswer['nextTasks'][number];
/** How many times (a second apart) the case's inbox is asked for the next step the answer did not list. */
const FOLLOW_UP_POLLS = 15;
type CompletionBody = NonNullable<paths['/tasks/{id}/complete']['post']['requestBody']>['content']['application/json'];

/** One step: its case, the record so far, and the form its outcomes' schemas describe. */
export function TaskPage() {
  const { id } = useParams();
  const { t, code, pick } = useI18n();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const taskTypes = useTaskTypes();
  const [answer, setAnswer] = useState<{ outcome: string; completedAt: string; next: NextTask[] } | null>(null);
  const task = useQuery({
    queryKey: ['task', id],
    queryFn: () => unwrap(api.GET('/tasks/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
  const detail = useCaseDetail(task.data?.caseId, 15_000);
  // The answer lists the case's open steps; when the workflow had not opened the next one yet, it is found in the
  // case's inbox a moment later (for a while: a case the step ended has no next step).
  const followUp = useQuery({
    queryKey: ['next-tasks', id, answer?.completedAt],
    queryFn: async () => {
      const page = await unwrap(api.GET('/tasks', { params: { query: { caseId: task.data!.caseId, limit: 20 } } }));
      return page.items.filter((next) => next.id !== id && next.createdAt >= (answer?.completedAt ?? ''));
    },
    enabled: !!answer && answer.next.length === 0,
    refetchInterval: (query) =>
      (query.state.data?.length ?? 0) > 0 || query.state.dataUpdateCount >= FOLLOW_UP_POLLS ? false : 1_000,
  });

  if (task.error) return <ErrorNotice error={task.error} />;
  if (!task.data) return <Spin />;
  const current = task.data;
  const outcomes: OutcomeContract[] =
    current.form?.outcomes ?? taskTypes.data?.find((type) => type.type === current.type)?.outcomes ?? [];
  const active = current.status === 'OPEN' || current.status === 'CLAIMED';
  const mine =
    current.assigneeId === user?.id ||
    (current.assigneeId === null && (user?.roles ?? []).some((role) => current.candidateRoles.includes(role)));
  const outcomeLabel = (code: string) => pick(outcomes.find((o) => o.outcome === code)?.label) || code;
  const next: NextTask[] = answer?.next.length
    ? answer.next
    : (followUp.data ?? []).map(({ id, type, title }) => ({ id, type, title }));

  const complete = async (outcome: string, payload: Record<string, unknown>) => {
    const result = await unwrap(
      api.POST('/tasks/{id}/complete', {
        params: { path: { id: current.id } },
        // The outcome and payload come from the task's published form at run time, not from a compiled-in step.
        body: { outcome, payload } as CompletionBody,
      }),
    );
    setAnswer({ outcome: result.outcome, completedAt: result.completedAt, next: result.nextTasks });
    void queryClient.invalidateQueries({ queryKey: ['task', id] });
    void queryClient.invalidateQueries({ queryKey: ['case', current.caseId] });
    void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    void queryClient.invalidateQueries({ queryKey: ['inbox-counts'] });
  };

  const proposal = proposalOf(detail.data);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="task-title">
              {current.title}
            </Typography.Title>
            <Tag data-task-status={current.status}>{code(current.status)}</Tag>
            <EscalationCard escalation={current.escalation} />
          </Space>
        }
        extra={
          <Space>
            <TaskDeadlineAction
              task={current}
              onDone={() => void queryClient.invalidateQueries({ queryKey: ['task', id] })}
            />
            <Link to="/ui/inbox">{t('backToInbox')}</Link>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('dueAt')}>
            <StatutoryClock dueAt={current.dueAt} manual={current.needsManualDueDate} />
          </Descriptions.Item>
          <Descriptions.Item label={t('status')}>
            {code(current.status)}
            {current.assigneeId && (
              <>
                {' · '}
                <UserName id={current.assigneeId} />
              </>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('caseNo')}>
            <Link to={`/ui/cases/${current.caseId}`}>{current.case.referenceNo ?? current.case.title}</Link>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {detail.data && proposal && <ReviewPanel detail={detail.data} proposal={proposal} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('caseContext')}>{detail.data ? <CaseContext detail={detail.data} /> : <Spin />}</Card>
          <Card style={{ marginTop: 16 }}>
            <Tabs
              items={[
                {
                  key: 'steps',
                  label: t('previousSteps'),
                  children: <CompletedSteps tasks={detail.data?.tasks ?? []} />,
                },
                {
                  key: 'evidence',
                  label: t('evidence'),
                  children: <Evidence caseId={current.caseId} taskId={current.id} />,
                },
                { key: 'documents', label: t('documents'), children: <Documents caseId={current.caseId} /> },
                { key: 'timeline', label: t('timeline'), children: <Timeline caseId={current.caseId} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('stepForm')} data-testid="step-form">
            {answer && (
              <Alert
                type="success"
                showIcon
                role="status"
                data-testid="step-answer"
                style={{ marginBottom: 16 }}
                message={t('stepAccepted', { outcome: outcomeLabel(answer.outcome) })}
                description={
                  <div data-testid="next-tasks">
                    <Typography.Text strong>{t('nextTasks')}</Typography.Text>
                    {next.length === 0 ? (
                      <div>{answer.next.length === 0 && followUp.isFetching ? t('waitingNext') : t('noNextTask')}</div>
                    ) : (
                      <List
                        size="small"
                        dataSource={next}
                        renderItem={(item) => (
                          <List.Item>
                            {item.id ? (
                              <Link
                                to={`/ui/tasks/${item.id}`}
                                data-next-task={item.type}
                                onClick={() => setAnswer(null)}
                              >
                                {item.title}
                              </Link>
                            ) : (
                              item.title
                            )}
                          </List.Item>
                        )}
                      />
                    )}
                  </div>
                }
              />
            )}
            {!active && !answer && (
              <Alert type="info" showIcon message={`${t('completed')}：${outcomeLabel(current.outcome ?? '')}`} />
            )}
            {active && !mine && <Alert type="warning" showIcon message={t('notYours')} style={{ marginBottom: 16 }} />}
            {active && !answer && (
              <SchemaForm
                key={current.id}
                outcomes={outcomes}
                caseId={current.caseId}
                disabled={!mine}
                onSubmit={complete}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
