import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Spin,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../api/client';
import type { Accident } from '../api/types';
import { ChinaTime, DepartmentName, ErrorNotice, StatutoryClock, UserName } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { hasRole, useSession } from '../lib/session';
import { usePagedList } from '../lib/use-paged-list';
import { CasualtyFigureFields, CasualtyRevisions, CasualtyUpdateAction } from './accident-casualty-update';
import { ReportNotifications, UpwardReports } from './accident-upward-reports';
import { ActionButton } from './case-actions';
import { Documents, Evidence, Timeline } from './case-sections';

export function AccidentsPage() {
  const { t, code } = useI18n();
  const { user } = useSession();
  const list = usePagedList<Accident>(['accidents'], (page) =>
    unwrap(api.GET('/accidents', { params: { query: page } })),
  );
  return (
    <Card
      title={t('accidents')}
      extra={
        hasRole(user, 'ENFORCEMENT_OFFICER', 'AGENCY_HEAD') && (
          <Link to="/ui/accidents/new">
            <Button type="primary">{t('reportAccident')}</Button>
          </Link>
        )
      }
    >
      <ErrorNotice error={list.query.error} />
      <Table<Accident>
        rowKey="id"
        loading={list.query.isLoading}
        dataSource={list.items}
        pagination={list.pagination}
        scroll={{ x: 800 }}
        columns={[
          {
            title: t('caseTitle'),
            key: 'title',
            render: (_, a) => <Link to={`/ui/accidents/${a.id}`}>{a.title}</Link>,
          },
          { title: t('occurredAt'), key: 'at', render: (_, a) => <ChinaTime value={a.occurredAt} /> },
          { title: t('grade'), key: 'grade', render: (_, a) => <Tag color="volcano">{code(a.grade)}</Tag> },
          { title: t('investigatingLevel'), key: 'level', render: (_, a) => code(a.investigatingLevel) },
          { title: t('status'), key: 'status', render: (_, a) => <Tag>{code(a.status)}</Tag> },
        ]}
      />
    </Card>
  );
}

/** 事故报告 (条例 Art.9, 12): grade and investigating level come back from the API. */
export function AccidentReportPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const sectors = useQuery({
    queryKey: ['enterprises-for-report'],
    queryFn: () => unwrap(api.GET('/enterprises', { params: { query: { limit: 100 } } })),
  });
  const report = useMutation({
    mutationFn: (values: {
      title?: string;
      occurredAt: Dayjs;
      place: string;
      summary: string;
      enterpriseId?: string;
      sectorCode: string;
      deaths: number;
      seriousInjuries: number;
      directLossYuan: number;
    }) =>
      unwrap(
        api.POST('/accidents', { body: { ...values, occurredAt: values.occurredAt.format('YYYY-MM-DDTHH:mm:ssZ') } }),
      ),
    onSuccess: (accident) => void navigate(`/ui/accidents/${accident.id}`),
    onError: (error) => void message.error(error.message),
  });
  const enterprises = sectors.data?.items ?? [];
  return (
    <Card title={t('reportAccident')}>
      <Form
        layout="vertical"
        name="accident"
        style={{ maxWidth: 640 }}
        initialValues={{ occurredAt: dayjs(), deaths: 0, seriousInjuries: 0, directLossYuan: 0 }}
        onFinish={report.mutate}
      >
        <Form.Item label="事故名称" name="title">
          <Input />
        </Form.Item>
        <Form.Item label={t('occurredAt')} name="occurredAt" rules={[{ required: true }]}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('place')} name="place" rules={[{ required: true, max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('summary')} name="summary" rules={[{ required: true }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item label={t('enterprise')} name="enterpriseId">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={enterprises.map((e) => ({ value: e.id, label: e.name }))}
          />
        </Form.Item>
        <Form.Item label={t('sector')} name="sectorCode" rules={[{ required: true }]}>
          <Input placeholder="HAZARDOUS_CHEMICALS" />
        </Form.Item>
        <CasualtyFigureFields lossRequired />
        <div>
          <Button type="primary" htmlType="submit" loading={report.isPending} data-action="report-accident">
            {t('submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

export function AccidentPage() {
  const { id } = useParams();
  const { t, code } = useI18n();
  const { user } = useSession();
  const accident = useQuery({
    queryKey: ['accident', id],
    queryFn: () => unwrap(api.GET('/accidents/{id}', { params: { path: { id: id! } } })),
    refetchInterval: 15_000,
  });
  const gates = useQuery({
    queryKey: ['gates', id],
    queryFn: () => unwrap(api.GET('/accidents/{id}/gates', { params: { path: { id: id! } } })),
    enabled: hasRole(
      user,
      'ENFORCEMENT_OFFICER',
      'AGENCY_HEAD',
      'INVESTIGATION_MEMBER',
      'DEPARTMENT_ADMIN',
      'SYSTEM_ADMIN',
    ),
  });
  if (accident.error) return <ErrorNotice error={accident.error} />;
  if (!accident.data) return <Spin />;
  const a = accident.data;
  const clock = a.workflow?.clock;
  const open = a.tasks.filter((task) => task.status === 'OPEN' || task.status === 'CLAIMED');
  const gateRows: Array<[string, boolean | undefined]> = [
    ['事故原因未查清不放过', gates.data?.causesEstablished],
    ['事故责任者未受到处理不放过', gates.data?.responsiblePartiesHandled],
    ['整改措施未落实不放过', gates.data?.rectificationVerified],
    ['有关人员未受到教育不放过', gates.data?.educationRecorded],
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={a.title} extra={<Tag>{code(a.status)}</Tag>}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="accident-facts">
          <Descriptions.Item label={t('grade')}>
            <Tag color="volcano" data-grade={a.grade}>
              {code(a.grade)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('investigatingLevel')}>
            {code(a.investigatingLevel)} · <DepartmentName id={a.investigatingDepartmentId} />
          </Descriptions.Item>
          <Descriptions.Item label={t('occurredAt')}>
            <ChinaTime value={a.occurredAt} />{' '}
            {a.reportingFlags.map((flag) => (
              <Tag key={flag} color="red">
                {code(flag)}
              </Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('place')}>{a.place}</Descriptions.Item>
          <Descriptions.Item label={t('deaths')}>{a.deaths}</Descriptions.Item>
          <Descriptions.Item label={t('seriousInjuries')}>{a.seriousInjuries}</Descriptions.Item>
          <Descriptions.Item label={t('directLoss')}>{a.directLossYuan.toLocaleString('zh-CN')}</Descriptions.Item>
          <Descriptions.Item label={t('investigationClock')}>
            {clock?.paused ? (
              <Tag color="purple">{t('pausedClock')}</Tag>
            ) : (
              <StatutoryClock dueAt={clock?.dueAt ?? null} manual={clock?.needsManualDueDate} unit="calendar" />
            )}
            {(clock?.extensionDays ?? 0) > 0 && (
              <Tag color="purple">
                {t('extended')} {clock?.extensionDays}
              </Tag>
            )}
            <ClockActions accidentId={a.id} paused={!!clock?.paused} />
          </Descriptions.Item>
          <Descriptions.Item label={t('publishedAt')}>
            {a.report?.publishedAt ? <ChinaTime value={a.report.publishedAt} /> : t('notPublished')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <CasualtyRevisions
        revisions={a.casualtyRevisions}
        action={
          hasRole(user, 'ENFORCEMENT_OFFICER', 'AGENCY_HEAD') && a.status !== 'CLOSED' ? (
            <CasualtyUpdateAction accidentId={a.id} />
          ) : null
        }
      />
      <UpwardReports reports={a.upwardReports} />
      <ReportNotifications departments={a.reportNotifications} />
      <Card title={t('team')}>
        <List
          size="small"
          dataSource={a.team}
          locale={{ emptyText: t('noData') }}
          renderItem={(member) => (
            <List.Item>
              <UserName id={member.userId} /> · {member.teamRole} · <DepartmentName id={member.departmentId} />
              {member.userId === a.teamLeadId && <Tag color="blue">组长</Tag>}
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('gates')} data-testid="gates">
        <List
          size="small"
          dataSource={gateRows}
          renderItem={([label, ok]) => (
            <List.Item>
              <Tag color={ok ? 'green' : 'red'}>{ok ? '✓' : '✗'}</Tag> {label}
            </List.Item>
          )}
        />
        {gates.data &&
          (gates.data.closable ? (
            <Alert type="success" showIcon message={t('closable')} />
          ) : (
            <Alert type="warning" showIcon message={t('gateMissing', { items: gates.data.missing.join('、') })} />
          ))}
      </Card>
      <Card title={t('inbox')}>
        <List
          size="small"
          dataSource={open}
          locale={{ emptyText: t('noData') }}
          renderItem={(task) => (
            <List.Item>
              <Link to={`/ui/tasks/${task.id}`}>{task.title}</Link>
              <StatutoryClock dueAt={task.dueAt} manual={task.needsManualDueDate} />
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('evidence')}>
        <Evidence caseId={a.id} />
      </Card>
      <Card title={t('documents')}>
        <Documents caseId={a.id} />
      </Card>
      <Card title={t('timeline')}>
        <Timeline caseId={a.id} />
      </Card>
    </Space>
  );
}

/**
 * The investigation clock's controls: a technical appraisal stops it and restarts it (条例 Art.27);
 * one extension of at most 60 days (Art.29; the API refuses more).
 */
function ClockActions({ accidentId, paused }: { accidentId: string; paused: boolean }) {
  const { t } = useI18n();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['accident', accidentId] });
  const path = { params: { path: { id: accidentId } } };
  const appraisal = (values: { on?: Dayjs; reason: string }) => ({
    reason: values.reason,
    on: values.on?.format('YYYY-MM-DD'),
  });
  return (
    <Space wrap style={{ marginTop: 4 }}>
      {hasRole(user, 'AGENCY_HEAD', 'INVESTIGATION_MEMBER') && (
        <ActionButton<{ on?: Dayjs; reason: string }>
          label={paused ? '技术鉴定结束' : '技术鉴定开始（中止计时）'}
          action={paused ? 'appraisal-end' : 'appraisal-start'}
          onDone={refresh}
          send={(values) =>
            unwrap(
              paused
                ? api.POST('/accidents/{id}/appraisals/end', { ...path, body: appraisal(values) })
                : api.POST('/accidents/{id}/appraisals/start', { ...path, body: appraisal(values) }),
            )
          }
        >
          <Form.Item label="日期" name="on">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('reason')} name="reason" rules={[{ required: true }]}>
            <Input.TextArea />
          </Form.Item>
        </ActionButton>
      )}
      {hasRole(user, 'AGENCY_HEAD') && (
        <ActionButton<{ days: number; reason: string }>
          label={t('extendDeadline')}
          action="investigation-extension"
          onDone={refresh}
          send={(body) => unwrap(api.POST('/accidents/{id}/investigation/extension', { ...path, body }))}
        >
          <Form.Item label="延长天数" name="days" rules={[{ required: true }]}>
            <InputNumber min={1} max={60} precision={0} />
          </Form.Item>
          <Form.Item label={t('reason')} name="reason" rules={[{ required: true }]}>
            <Input.TextArea />
          </Form.Item>
        </ActionButton>
      )}
    </Space>
  );
}
