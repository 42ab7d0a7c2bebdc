import { useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, unwrap } from '../api/client';
import type { CaseDetail, TaskView } from '../api/types';
import { useI18n } from '../lib/i18n';
import { hasRole, useSession } from '../lib/session';

/** A button that opens a small form and sends it; the API's refusal is shown as it says it. */
export function ActionButton<Values>({
  label,
  action,
  send,
  children,
  onDone,
}: {
  label: string;
  action: string;
  send(values: Values): Promise<unknown>;
  children: ReactNode;
  onDone(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      onDone();
    },
    onError: (error) => void message.error(error.message),
  });
  return (
    <>
      <Button onClick={() => setOpen(true)} data-action={action}>
        {label}
      </Button>
      <Modal
        open={open}
        title={label}
        onCancel={() => setOpen(false)}
        okText={t('submit')}
        cancelText={t('cancel')}
        okButtonProps={{ loading: mutation.isPending }}
        onOk={() => void form.validateFields().then((values) => mutation.mutate(values))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name={action}>
          {children}
        </Form>
      </Modal>
    </>
  );
}

/**
 * The day the agency received a party's submission (postmark, receipt) and the receipt among the case's evidence:
 * the API judges the party's period by that day, and asks for the receipt when it is earlier than today.
 */
function ReceiptFields({ caseId }: { caseId: string }) {
  const evidence = useQuery({
    queryKey: ['attachments', caseId],
    queryFn: () => unwrap(api.GET('/cases/{id}/attachments', { params: { path: { id: caseId } } })),
  });
  return (
    <>
      <Form.Item label="收到日期（邮戳或收件回执；今日收到可不填）" name="receivedOn">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label="收件凭证" name="receiptAttachmentIds">
        <Select
          mode="multiple"
          loading={evidence.isLoading}
          options={(evidence.data?.items ?? []).map((item) => ({
            value: item.id,
            label: item.fileName ?? `${item.kind} ${item.sha256.slice(0, 8)}`,
          }))}
        />
      </Form.Item>
    </>
  );
}

interface ReceiptValues {
  receivedOn?: Dayjs;
  receiptAttachmentIds?: string[];
}

const receiptBody = ({ receivedOn, receiptAttachmentIds }: ReceiptValues) => ({
  ...(receivedOn ? { receivedOn: receivedOn.format('YYYY-MM-DD') } : {}),
  ...(receiptAttachmentIds?.length ? { receiptAttachmentIds } : {}),
});

/**
 * What happens outside the steps of a penalty case: the party's statement or signed waiver
 * (行政处罚法 Art.44–45, 63–64), a payment (Art.67), and the head's extension of the decision
 * period (Art.60, bounded by the department's policy; the API refuses more).
 */
export function PenaltyCaseActions({ detail }: { detail: CaseDetail }) {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const id = detail.id;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['case', id] });
  const officer = hasRole(user, 'ENFORCEMENT_OFFICER', 'AGENCY_HEAD');
  const path = { params: { path: { id } } };
  return (
    <Space wrap data-testid="case-actions">
      {officer && ['AWAITING_PARTY', 'AWAITING_DECISION'].includes(detail.status) && (
        <ActionButton<{ summary: string } & ReceiptValues>
          label="记录陈述申辩"
          action="statement"
          onDone={refresh}
          send={({ summary, ...receipt }) =>
            unwrap(api.POST('/cases/penalty/{id}/statements', { ...path, body: { summary, ...receiptBody(receipt) } }))
          }
        >
          <Form.Item label="陈述申辩内容" name="summary" rules={[{ required: true }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
          <ReceiptFields caseId={id} />
        </ActionButton>
      )}
      {officer && detail.status === 'AWAITING_PARTY' && (
        <>
          <ActionButton<{ waives: Array<'STATEMENT' | 'HEARING'>; note: string }>
            label="当事人书面放弃"
            action="waiver"
            onDone={refresh}
            send={(body) => unwrap(api.POST('/cases/penalty/{id}/waivers', { ...path, body }))}
          >
            <Form.Item label="放弃事项" name="waives" rules={[{ required: true }]}>
              <Checkbox.Group
                options={[
                  { value: 'STATEMENT', label: '陈述、申辩' },
                  { value: 'HEARING', label: '听证' },
                ]}
              />
            </Form.Item>
            <Form.Item label="放弃声明（签字确认书）" name="note" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </ActionButton>
        </>
      )}
      {officer && detail.status === 'AWAITING_PAYMENT' && (
        <ActionButton<{ amountYuan: number; paidOn: Dayjs; receiptNo: string }>
          label="记录缴款"
          action="payment"
          onDone={refresh}
          send={(values) =>
            unwrap(
              api.POST('/cases/penalty/{id}/payments', {
                ...path,
                body: { ...values, paidOn: values.paidOn.format('YYYY-MM-DD') },
              }),
            )
          }
        >
          <Form.Item label="缴款金额（元）" name="amountYuan" rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="缴款日期" name="paidOn" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="票据号" name="receiptNo" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </ActionButton>
      )}
      {hasRole(user, 'AGENCY_HEAD') && ['AWAITING_PARTY', 'AWAITING_DECISION', 'NOTICE'].includes(detail.status) && (
        <ActionButton<{ days: number; reason: string }>
          label="延长决定期限"
          action="decision-extension"
          onDone={refresh}
          send={(body) => unwrap(api.POST('/cases/penalty/{id}/decision-extensions', { ...path, body }))}
        >
          <Form.Item label="延长天数" name="days" rules={[{ required: true }]}>
            <InputNumber min={1} max={180} precision={0} />
          </Form.Item>
          <Form.Item label="理由" name="reason" rules={[{ required: true }]}>
            <Input.TextArea />
          </Form.Item>
        </ActionButton>
      )}
    </Space>
  );
}

/** A head moves one step's due date (an approved extension); the workflow re-arms its timer and bounds the move. */
export function TaskDeadlineAction({ task, onDone }: { task: Pick<TaskView, 'id' | 'status'>; onDone(): void }) {
  const { t } = useI18n();
  const { user } = useSession();
  if (!hasRole(user, 'AGENCY_HEAD') || (task.status !== 'OPEN' && task.status !== 'CLAIMED')) return null;
  return (
    <ActionButton<{ dueAt: Dayjs; reason: string }>
      label={t('extendDeadline')}
      action="task-deadline"
      onDone={onDone}
      send={(values) =>
        unwrap(
          api.POST('/tasks/{id}/deadline', {
            params: { path: { id: task.id } },
            body: { dueAt: values.dueAt.endOf('day').format('YYYY-MM-DDTHH:mm:ss.SSSZ'), reason: values.reason },
          }),
        )
      }
    >
      <Form.Item label={t('newDueAt')} name="dueAt" rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('reason')} name="reason" rules={[{ required: true }]}>
        <Input.TextArea />
      </Form.Item>
    </ActionButton>
  );
}
