import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Space, Spin, Table, Tag } from 'antd';
import { api, fetchRaw, unwrap } from '../api/client';
import type { Referral } from '../api/types';
import { ChinaTime, DepartmentName, ErrorNotice } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { hasRole, useSession } from '../lib/session';
import { usePagedList } from '../lib/use-paged-list';
import { PayloadView } from './case-sections';

const OUTCOMES = ['SANCTIONED', 'NO_VIOLATION_FOUND', 'TRANSFERRED_FOR_PROSECUTION', 'OTHER_HANDLING'] as const;

/** 线索移交: only the sending department's heads and the receiving body see a referral (the API enforces it). */
export function ReferralsPage() {
  const { t, code } = useI18n();
  const list = usePagedList<Referral>(['referrals'], (page) =>
    unwrap(api.GET('/discipline-referrals', { params: { query: page } })),
  );
  return (
    <Card title={t('referrals')}>
      <ErrorNotice error={list.query.error} />
      <Table<Referral>
        rowKey="id"
        size="middle"
        loading={list.query.isLoading}
        dataSource={list.items}
        pagination={list.pagination}
        scroll={{ x: 700 }}
        data-testid="referrals-table"
        locale={{ emptyText: t('noData') }}
        columns={[
          {
            title: t('subject'),
            key: 'subject',
            render: (_, r) => <Link to={`/ui/referrals/${r.id}`}>{r.subject.name}</Link>,
          },
          { title: t('allegation'), dataIndex: 'allegation', ellipsis: true },
          { title: t('department'), key: 'from', render: (_, r) => <DepartmentName id={r.senderDepartmentId} /> },
          { title: t('sentAt'), key: 'sent', render: (_, r) => <ChinaTime value={r.sentAt} /> },
          {
            title: t('referralStatus'),
            key: 'status',
            render: (_, r) => <Tag data-referral-status={r.status}>{code(r.status)}</Tag>,
          },
        ]}
      />
    </Card>
  );
}

export function ReferralPage() {
  const { id } = useParams();
  const { t, code } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // After an action the status moves once the referral's workflow has recorded it: poll until then
  // (not otherwise: every read of a referral is audited).
  const [leaving, setLeaving] = useState<string | null>(null);
  const referral = useQuery({
    queryKey: ['referral', id],
    queryFn: () => unwrap(api.GET('/discipline-referrals/{id}', { params: { path: { id: id! } } })),
    refetchInterval: (query) => (leaving && query.state.data?.status === leaving ? 1_000 : false),
  });
  const refresh = () => {
    setLeaving(referral.data?.status ?? null);
    void queryClient.invalidateQueries({ queryKey: ['referral', id] });
    void queryClient.invalidateQueries({ queryKey: ['referrals'] });
    void queryClient.invalidateQueries({ queryKey: ['inbox-counts'] });
  };
  const acknowledge = useMutation({
    mutationFn: () => unwrap(api.POST('/discipline-referrals/{id}/acknowledge', { params: { path: { id: id! } } })),
    onSuccess: refresh,
    onError: (error) => void message.error(error.message),
  });
  const answer = useMutation({
    mutationFn: (body: { outcome: (typeof OUTCOMES)[number]; summary: string }) =>
      unwrap(api.POST('/discipline-referrals/{id}/result', { params: { path: { id: id! } }, body })),
    onSuccess: refresh,
    onError: (error) => void message.error(error.message),
  });
  if (referral.error) return <ErrorNotice error={referral.error} />;
  if (!referral.data) return <Spin />;
  const r = referral.data;
  const receiver = r.side === 'RECEIVER' && hasRole(user, 'DISCIPLINE_BODY');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={`${t('referrals')}：${r.subject.name}`}
        extra={<Tag data-referral-status={r.status}>{code(r.status)}</Tag>}
      >
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('subject')}>
            {r.subject.name} {r.subject.position} {r.subject.organisation}
          </Descriptions.Item>
          <Descriptions.Item label={t('allegation')}>{r.allegation}</Descriptions.Item>
          <Descriptions.Item label={t('department')}>
            <DepartmentName id={r.senderDepartmentId} /> → <DepartmentName id={r.receivingDepartmentId} />
          </Descriptions.Item>
          <Descriptions.Item label={t('sentAt')}>
            <ChinaTime value={r.sentAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('acknowledge')}>
            <ChinaTime value={r.acknowledgedAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('outcome')}>
            {r.result ? [code(r.result.outcome), r.result.summary].filter(Boolean).join('：') : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('evidenceBundle')}>
        <Descriptions title={t('reportExcerpt')} size="small" column={1} />
        {/* The source part of the bundle: the report's finding, the 迟报/瞒报 finding, or the case's approved proposal. */}
        <PayloadView value={r.evidence.reportExcerpt ?? r.evidence.reportingViolation ?? r.evidence.proposal ?? null} />
        <Table
          rowKey="id"
          size="small"
          style={{ marginTop: 12 }}
          pagination={false}
          dataSource={r.evidence.attachments}
          locale={{ emptyText: t('noData') }}
          columns={[
            { title: t('evidence'), key: 'name', render: (_, a) => a.fileName ?? a.sha256.slice(0, 12) },
            {
              title: t('actions'),
              key: 'download',
              render: (_, a) => (
                <Button
                  size="small"
                  onClick={() =>
                    void fetchRaw(`/discipline-referrals/${r.id}/attachments/${a.id}/content`)
                      .then((response) => response.blob())
                      .then((blob) => window.open(URL.createObjectURL(blob), '_blank', 'noopener'))
                      .catch((error: Error) => message.error(error.message))
                  }
                >
                  {t('download')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {receiver && r.status === 'SENT' && (
        <Card>
          <Button
            type="primary"
            loading={acknowledge.isPending}
            onClick={() => acknowledge.mutate()}
            data-action="acknowledge"
          >
            {t('acknowledge')}
          </Button>
        </Card>
      )}
      {receiver && r.status === 'ACKNOWLEDGED' && (
        <Card title={t('reportResult')}>
          <Form
            layout="vertical"
            name="referral-result"
            onFinish={(values: { outcome: (typeof OUTCOMES)[number]; summary: string }) => answer.mutate(values)}
          >
            <Form.Item label={t('outcome')} name="outcome" rules={[{ required: true }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={OUTCOMES.map((value) => ({ value, label: code(value) }))}
              />
            </Form.Item>
            <Form.Item label={t('summary')} name="summary" rules={[{ required: true, max: 10000 }]}>
              <Input.TextArea autoSize={{ minRows: 3 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={answer.isPending} data-action="report-result">
              {t('submit')}
            </Button>
          </Form>
        </Card>
      )}
      {r.status === 'ANSWERED' && (
        <Alert type="success" showIcon message={`${code(r.result?.outcome)}：${r.result?.summary ?? ''}`} />
      )}
    </Space>
  );
}
