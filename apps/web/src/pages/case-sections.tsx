import { useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Descriptions, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { api, fetchRaw, unwrap } from '../api/client';
import type { AttachmentView, CaseDetail, DocumentView, TaskView, TimelineRow } from '../api/types';
import { ChinaTime, DepartmentName, ErrorNotice, StatutoryClock, UserName } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { useTaskTypes } from '../lib/task-types';
import { describeForm, type FieldNode } from '../form/schema';

export function useCaseDetail(caseId: string | undefined, refetchInterval?: number) {
  return useQuery({
    queryKey: ['case', caseId],
    queryFn: () => unwrap(api.GET('/cases/{id}', { params: { path: { id: caseId! } } })),
    enabled: !!caseId,
    refetchInterval,
  });
}

/** Case number, enterprise, status, handlers and the deadlines of the open steps. */
export function CaseContext({ detail }: { detail: CaseDetail }) {
  const { t, code } = useI18n();
  const open = detail.tasks.filter((task) => task.status === 'OPEN' || task.status === 'CLAIMED');
  const extensions = detail.workflow?.procedure?.decisionExtensions?.length ?? 0;
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="case-context">
      <Descriptions.Item label={t('caseNo')}>{detail.referenceNo ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('caseTitle')}>{detail.title}</Descriptions.Item>
      <Descriptions.Item label={t('caseType')}>{code(detail.caseType)}</Descriptions.Item>
      <Descriptions.Item label={t('status')}>
        <Tag data-case-status={detail.status}>{code(detail.status)}</Tag>
        {extensions > 0 && (
          <Tag color="purple">
            {t('extended')} ×{extensions}
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise')}>
        {detail.enterpriseName ?? detail.enterpriseId ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('department')}>
        <DepartmentName id={detail.departmentId} />
      </Descriptions.Item>
      <Descriptions.Item label={t('handlers')}>
        <Space wrap>
          {[
            ...(detail.createdBy ? [detail.createdBy] : []),
            ...detail.handlerIds.filter((id) => id !== detail.createdBy),
          ].map((id) => (
            <Tag key={id}>
              <UserName id={id} />
            </Tag>
          ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('statutoryClock')}>
        <Space direction="vertical" size={2}>
          {open.length === 0 && <Typography.Text type="secondary">{t('noDeadline')}</Typography.Text>}
          {open.map((task) => (
            <span key={task.id}>
              {task.title}：<StatutoryClock dueAt={task.dueAt} manual={task.needsManualDueDate} />
            </span>
          ))}
        </Space>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** Completed steps with what was submitted (the proposal, the evidence list, opinions). */
export function CompletedSteps({ tasks }: { tasks: TaskView[] }) {
  const { t, code, pick } = useI18n();
  const taskTypes = useTaskTypes();
  const outcomeLabel = (task: TaskView) =>
    pick(
      taskTypes.data?.find((type) => type.type === task.type)?.outcomes.find((o) => o.outcome === task.outcome)?.label,
    ) || code(task.outcome);
  const done = tasks.filter((task) => task.status === 'COMPLETED');
  return (
    <Table<TaskView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={done}
      locale={{ emptyText: t('noData') }}
      scroll={{ x: 600 }}
      columns={[
        { title: t('task'), dataIndex: 'title' },
        { title: t('outcome'), key: 'outcome', render: (_, task) => outcomeLabel(task) },
        { title: t('by'), key: 'by', render: (_, task) => <UserName id={task.completedBy} /> },
        { title: t('at'), key: 'at', render: (_, task) => <ChinaTime value={task.completedAt} /> },
      ]}
      expandable={{
        rowExpandable: (task) => !!task.payload && Object.keys(task.payload).length > 0,
        expandedRowRender: (task) => <StepPayload type={task.type} outcome={task.outcome} value={task.payload} />,
      }}
    />
  );
}

/** What a payload view needs of its schema descriptor: the fields of an object, the item of a list, the options of a choice. */
type PayloadShape = Pick<FieldNode, 'fields' | 'item' | 'options'>;

/** The shape of an outcome's payload from the published step contract, to label what was submitted. */
export function usePayloadShape(
  type: string | undefined,
  outcome: string | null | undefined,
): PayloadShape | undefined {
  const taskTypes = useTaskTypes();
  const schema = taskTypes.data?.find((tt) => tt.type === type)?.outcomes.find((o) => o.outcome === outcome)?.schema;
  return useMemo(() => (schema ? { fields: describeForm(schema) } : undefined), [schema]);
}

/** A step's submitted payload, labelled by its contract. */
export function StepPayload({ type, outcome, value }: { type?: string; outcome?: string | null; value: unknown }) {
  return <PayloadView value={value} shape={usePayloadShape(type, outcome)} />;
}

/**
 * Any submitted payload, readable: objects as label/value lists, lists numbered; with the step's
 * schema, fields carry their titles and choices their labels (else the raw names and codes).
 */
export function PayloadView({ value, shape }: { value: unknown; shape?: PayloadShape }) {
  const { pick } = useI18n();
  if (value === null || value === undefined) return <>—</>;
  if (Array.isArray(value)) {
    const itemShape = shape?.item ?? (shape?.options ? { options: shape.options } : undefined);
    return (
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        {value.map((item, index) => (
          <li key={index}>
            <PayloadView value={item} shape={itemShape} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object')
    return (
      <Descriptions size="small" column={1} bordered>
        {Object.entries(value as Record<string, unknown>).map(([key, item]) => {
          const field = shape?.fields?.find((candidate) => candidate.name === key);
          return (
            <Descriptions.Item key={key} label={field ? pick(field.label) : key}>
              <PayloadView value={item} shape={field} />
            </Descriptions.Item>
          );
        })}
      </Descriptions>
    );
  const option = shape?.options?.find((candidate) => candidate.value === value);
  return <span style={{ whiteSpace: 'pre-wrap' }}>{option ? pick(option.label) : String(value)}</span>;
}

/** The full-process record (执法全过程记录) with the verification of its hash chain. */
export function Timeline({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const timeline = useQuery({
    queryKey: ['timeline', caseId],
    queryFn: () => unwrap(api.GET('/cases/{id}/timeline', { params: { path: { id: caseId }, query: { limit: 100 } } })),
    refetchInterval: 10_000,
  });
  return (
    <>
      <ChainBadge caseId={caseId} />
      <ErrorNotice error={timeline.error} />
      <Table<TimelineRow>
        rowKey="seq"
        size="small"
        loading={timeline.isLoading}
        dataSource={timeline.data?.items ?? []}
        pagination={{ pageSize: 15, showSizeChanger: false }}
        scroll={{ x: 700 }}
        data-testid="timeline"
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('at'), key: 'at', width: 150, render: (_, row) => <ChinaTime value={row.occurredAt} /> },
          { title: t('actions'), dataIndex: 'action' },
          { title: t('by'), key: 'by', render: (_, row) => (row.actorId ? <UserName id={row.actorId} /> : 'system') },
          {
            title: t('summary'),
            key: 'summary',
            render: (_, row) => (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
                {JSON.stringify(row.summary)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}

export function ChainBadge({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const verification = useQuery({
    queryKey: ['record-verification', caseId],
    queryFn: () => unwrap(api.GET('/cases/{id}/record-verification', { params: { path: { id: caseId } } })),
  });
  if (!verification.data) return null;
  const { ok, checked, firstBrokenSeq, reason } = verification.data;
  return (
    <div style={{ marginBottom: 8 }} data-testid="chain-badge" data-chain={ok ? 'verified' : 'broken'}>
      <Badge
        status={ok ? 'success' : 'error'}
        text={
          ok
            ? t('chainVerified', { count: checked })
            : t('chainBroken', { seq: firstBrokenSeq ?? '?', reason: reason ?? '' })
        }
      />
    </div>
  );
}

const toBase64 = (file: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

async function download(path: string, fileName: string) {
  const blob = await (await fetchRaw(path)).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Evidence and notes of the case: list, download, upload (SHA-256 fingerprinted by the API) unless read-only. */
export function Evidence({ caseId, taskId, readOnly }: { caseId: string; taskId?: string; readOnly?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const list = useQuery({
    queryKey: ['attachments', caseId],
    queryFn: () => unwrap(api.GET('/cases/{id}/attachments', { params: { path: { id: caseId } } })),
  });
  const attach = useMutation({
    mutationFn: (body: {
      kind: 'FILE' | 'NOTE';
      fileName?: string;
      contentType?: string;
      contentBase64?: string;
      text?: string;
    }) => unwrap(api.POST('/cases/{id}/attachments', { params: { path: { id: caseId } }, body: { ...body, taskId } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['attachments', caseId] });
      void queryClient.invalidateQueries({ queryKey: ['timeline', caseId] });
    },
    onError: (error) => void message.error(error.message),
  });
  return (
    <>
      <Table<AttachmentView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('noData') }}
        scroll={{ x: 600 }}
        data-testid="evidence"
        columns={[
          { title: t('evidence'), key: 'name', render: (_, a) => a.fileName ?? a.kind },
          {
            title: 'SHA-256',
            key: 'sha',
            render: (_, a) => <Typography.Text code>{a.sha256.slice(0, 12)}</Typography.Text>,
          },
          { title: t('by'), key: 'by', render: (_, a) => <UserName id={a.uploadedBy} /> },
          { title: t('at'), key: 'at', render: (_, a) => <ChinaTime value={a.createdAt} /> },
          {
            title: t('actions'),
            key: 'download',
            render: (_, a) => (
              <Button
                size="small"
                onClick={() =>
                  void download(
                    `/cases/${caseId}/attachments/${a.id}/content`,
                    a.fileName ?? `${a.kind}-${a.id}.txt`,
                  ).catch((error: Error) => message.error(error.message))
                }
              >
                {t('download')}
              </Button>
            ),
          },
        ]}
      />
      {!readOnly && (
        <Space wrap style={{ marginTop: 8 }}>
          <Upload
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              const blob = file as File;
              toBase64(blob)
                .then((contentBase64) =>
                  attach.mutateAsync({
                    kind: 'FILE',
                    fileName: blob.name,
                    contentType: blob.type || undefined,
                    contentBase64,
                  }),
                )
                .then((answer) => onSuccess?.(answer))
                .catch((error: Error) => onError?.(error));
            }}
          >
            <Button loading={attach.isPending} data-action="upload">
              {t('upload')}
            </Button>
          </Upload>
          <Input
            aria-label={t('note')}
            placeholder={t('note')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            style={{ width: 240 }}
          />
          <Button
            disabled={!note.trim()}
            onClick={() => attach.mutate({ kind: 'NOTE', text: note.trim() }, { onSuccess: () => setNote('') })}
          >
            {t('note')}
          </Button>
        </Space>
      )}
    </>
  );
}

/** Numbered documents (执法文书): view in a frame, print from it. */
export function Documents({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const [shown, setShown] = useState<{ doc: DocumentView; html: string } | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const list = useQuery({
    queryKey: ['documents', caseId],
    queryFn: () =>
      unwrap(api.GET('/cases/{id}/documents', { params: { path: { id: caseId }, query: { limit: 100 } } })),
    refetchInterval: 15_000,
  });
  const open = async (doc: DocumentView) => {
    const html = await (await fetchRaw(`/documents/${doc.id}/html`)).text();
    setShown({ doc, html });
  };
  return (
    <>
      <Table<DocumentView>
        rowKey="id"
        size="small"
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('noData') }}
        data-testid="documents"
        columns={[
          { title: t('documents'), key: 'number', render: (_, d) => d.number },
          { title: t('type'), key: 'title', render: (_, d) => d.title ?? d.kind },
          { title: t('at'), key: 'at', render: (_, d) => <ChinaTime value={d.issuedAt} /> },
          {
            title: t('actions'),
            key: 'view',
            render: (_, d) => (
              <Button size="small" onClick={() => void open(d)} data-action="view-document">
                {t('view')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!shown}
        width={900}
        title={shown?.doc.number}
        onCancel={() => setShown(null)}
        footer={[
          <Button key="print" type="primary" onClick={() => frame.current?.contentWindow?.print()}>
            {t('print')}
          </Button>,
          <Button key="close" onClick={() => setShown(null)}>
            {t('cancel')}
          </Button>,
        ]}
      >
        {/* The stored document is shown as it was issued, sandboxed: no script runs in it. */}
        {shown && (
          <iframe
            ref={frame}
            className="doc-frame"
            title={shown.doc.number}
            srcDoc={shown.html}
            sandbox="allow-same-origin allow-modals"
            data-testid="document-frame"
          />
        )}
      </Modal>
    </>
  );
}
