import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { api, unwrap } from '../api/client';
import type { CaseView } from '../api/views';
import { ChinaTime, ErrorNotice, useDirectory } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { hasRole, useSession } from '../lib/session';
import { usePagedList } from '../lib/use-paged-list';

const CASE_TYPES = ['PENALTY', 'ACCIDENT', 'INSPECTION', 'SIMPLE_PENALTY', 'CRIMINAL_TRANSFER', 'DISCIPLINE_REFERRAL'];

/** Cases of the departments the user sees; type and status filter on the server, the text box within the page. */
export function CasesPage() {
  const { t, code } = useI18n();
  const { user } = useSession();
  const [caseType, setCaseType] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  const list = usePagedList<CaseView>(['cases', caseType, status], (page) =>
    unwrap(api.GET('/cases', { params: { query: { ...page, caseType, status } } })),
  );
  const needle = text.trim().toLowerCase();
  const shown = needle
    ? list.items.filter((c) =>
        [c.referenceNo, c.title, c.enterpriseName].some((value) => value?.toLowerCase().includes(needle)),
      )
    : list.items;
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
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('search')}>
          <Input.Search
            allowClear
            placeholder={t('searchPlaceholder')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            data-filter="text"
          />
        </Form.Item>
        <Form.Item label={t('caseType')}>
          <Select
            allowClear
            style={{ minWidth: 140 }}
            placeholder={t('all')}
            value={caseType}
            onChange={(value) => {
              setCaseType(value);
              list.resetPage();
            }}
            options={CASE_TYPES.map((value) => ({ value, label: code(value) }))}
          />
        </Form.Item>
        <Form.Item label={t('status')}>
          <Input
            allowClear
            style={{ width: 160 }}
            placeholder="INVESTIGATING"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value.trim().toUpperCase() || undefined);
              list.resetPage();
            }}
          />
        </Form.Item>
      </Form>
      <ErrorNotice error={list.query.error} />
      <Table<CaseView>
        rowKey="id"
        size="middle"
        loading={list.query.isLoading}
        dataSource={shown}
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
    queryFn: () =>
      unwrap<{ items: Array<{ id: string; name: string; creditCode: string }> }>(
        api.GET('/enterprises', { params: { query: { limit: 100 } } }),
      ),
  });
  const directory = useDirectory();
  const create = useMutation({
    mutationFn: (body: { title: string; enterpriseId?: string; handlerIds?: string[] }) =>
      unwrap<CaseView>(api.POST('/cases/penalty', { body })),
    onSuccess: (created) => {
      void message.success(t('created'));
      onClose();
      void navigate(`/ui/cases/${created.id}`);
    },
    onError: (error) => void message.error(error.message),
  });
  const officers = (directory.data ?? []).filter((u) => u.id !== user?.id && u.roles.includes('ENFORCEMENT_OFFICER'));
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
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={officers.map((u) => ({
              value: u.id,
              label: u.credentialNo ? `${u.displayName}（${u.credentialNo}）` : u.displayName,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
