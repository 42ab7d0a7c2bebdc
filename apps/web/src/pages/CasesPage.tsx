import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import type { CaseListItem, DirectoryUser } from '../api/types';
import { UserSelect } from '../form/UserSelect';
import { ChinaTime, ErrorNotice, useDirectory } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { hasRole, useSession } from '../lib/session';
import { usePagedList } from '../lib/use-paged-list';

const CASE_TYPES = ['PENALTY', 'ACCIDENT', 'INSPECTION', 'SIMPLE_PENALTY', 'CRIMINAL_TRANSFER', 'DISCIPLINE_REFERRAL'];

/** What the case search sends: each box is one filter of GET /cases (案号 exactly, title and enterprise by part). */
interface CaseSearch {
  caseNumber?: string;
  title?: string;
  enterpriseName?: string;
}

const SEARCH_BOXES = [
  { name: 'caseNumber', label: 'caseNo', placeholder: 'searchCaseNumber' },
  { name: 'title', label: 'caseTitle', placeholder: 'searchTitle' },
  { name: 'enterpriseName', label: 'enterprise', placeholder: 'searchEnterprise' },
] as const;

/**
 * Cases of the departments the user sees. Every filter (case number, title, enterprise, type, status) is a
 * query parameter of GET /cases: the server searches all cases in jurisdiction, and the table pages its answer.
 */
export function CasesPage() {
  const { t, code } = useI18n();
  const { user } = useSession();
  const [caseType, setCaseType] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [search, setSearch] = useState<CaseSearch>({});
  const [creating, setCreating] = useState(false);
  const list = usePagedList<CaseListItem>(['cases', caseType, status, search], (page) =>
    unwrap(api.GET('/cases', { params: { query: { ...page, caseType, status, ...search } } })),
  );
  const searchBy = (name: keyof CaseSearch, value: string) => {
    setSearch((current) => ({ ...current, [name]: value.trim() || undefined }));
    list.resetPage();
  };
  return (
    <Card
      title={t('cases')}
      extra={
        hasRole(user, 'ENFORCEMENT_OFFICER', 'AGENCY_HEAD') && (
          <Button type="primary" onClick={() => setCreating(true)} data-action="create-case">
            {t('createCase')}
          </Button>
        )
      }
    >
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }} role="search">
        {SEARCH_BOXES.map((box) => (
          <Form.Item key={box.name} label={t(box.label)}>
            <Input.Search
              allowClear
              style={{ width: 200 }}
              placeholder={t(box.placeholder)}
              onSearch={(value) => searchBy(box.name, value)}
              data-filter={box.name}
            />
          </Form.Item>
        ))}
        <Form.Item label={t('caseType')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 140 }}
            placeholder={t('all')}
            value={caseType}
            onChange={(value) => {
              setCaseType(value);
              list.resetPage();
            }}
            options={CASE_TYPES.map((value) => ({ value, label: code(value) }))}
            data-filter="caseType"
          />
        </Form.Item>
        <Form.Item label={t('status')}>
          <Input.Search
            allowClear
            style={{ width: 180 }}
            placeholder="INVESTIGATING"
            onSearch={(value) => {
              setStatus(value.trim().toUpperCase() || undefined);
              list.resetPage();
            }}
            data-filter="status"
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" data-testid="cases-total">
        {t('casesFound', { count: list.total })}
      </Typography.Text>
      <ErrorNotice error={list.query.error} />
      <Table<CaseListItem>
        rowKey="id"
        size="middle"
        loading={list.query.isLoading}
        dataSource={list.items}
        pagination={list.pagination}
        scroll={{ x: 800 }}
        data-testid="cases-table"
        columns={[
          {
            title: t('caseNo'),
            key: 'no',
            render: (_, c) => <Link to={`/ui/cases/${c.id}`}>{c.referenceNo ?? '—'}</Link>,
          },
          { title: t('caseTitle'), key: 'title', render: (_, c) => <Link to={`/ui/cases/${c.id}`}>{c.title}</Link> },
          { title: t('enterprise'), key: 'enterprise', render: (_, c) => c.enterpriseName ?? '—' },
          { title: t('caseType'), key: 'type', render: (_, c) => code(c.caseType) },
          { title: t('status'), key: 'status', render: (_, c) => <Tag>{code(c.status)}</Tag> },
          { title: t('createdAt'), key: 'created', render: (_, c) => <ChinaTime value={c.createdAt} /> },
        ]}
      />
      {creating && <CreateCaseDialog onClose={() => setCreating(false)} />}
    </Card>
  );
}

function CreateCaseDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ title: string; enterpriseId?: string; handlerIds?: string[] }>();
  const enterprises = useQuery({
    queryKey: ['enterprises'],
    queryFn: () => unwrap(api.GET('/enterprises', { params: { query: { limit: 100 } } })),
  });
  const directory = useDirectory();
  const create = useMutation({
    mutationFn: (body: { title: string; enterpriseId?: string; handlerIds?: string[] }) =>
      unwrap(api.POST('/cases/penalty', { body })),
    onSuccess: (created) => {
      void message.success(t('created'));
      onClose();
      void navigate(`/ui/cases/${created.id}`);
    },
    onError: (error) => void message.error(error.message),
  });
  const isCoHandler = (u: DirectoryUser) => u.id !== user?.id && u.roles.includes('ENFORCEMENT_OFFICER');
  const officers = (directory.data ?? []).filter(isCoHandler);
  return (
    <Modal
      open
      title={t('createCaseTitle')}
      onCancel={onClose}
      okText={t('submit')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: create.isPending }}
      onOk={() => void form.validateFields().then((values) => create.mutate(values))}
    >
      <Form form={form} layout="vertical" name="new-case">
        <Form.Item label={t('caseTitle')} name="title" rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('enterprise')} name="enterpriseId">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={(enterprises.data?.items ?? []).map((e) => ({
              value: e.id,
              label: `${e.name}（${e.creditCode}）`,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('coHandlers')} name="handlerIds">
          <UserSelect colleagues={officers} multiple eligible={isCoHandler} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
