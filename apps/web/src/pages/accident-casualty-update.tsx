import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, DatePicker, Form, InputNumber, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { api, unwrap } from '../api/client';
import type { components } from '../api/openapi';
import { ChinaTime, UserName } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { ActionButton } from './case-actions';

type Revision = components['schemas']['AccidentDetailDto_Output']['casualtyRevisions'][number];
interface Values {
  deaths: number;
  seriousInjuries: number;
  directLossYuan?: number;
  receivedOn?: Dayjs;
  receiptAttachmentIds?: string[];
}

/** The figures an accident is graded by (条例 Art.3): at intake all three, in a 补报 the loss may stay as it was. */
export function CasualtyFigureFields({ lossRequired }: { lossRequired: boolean }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <Form.Item label={t('deaths')} name="deaths" rules={[{ required: true }]}>
        <InputNumber min={0} precision={0} />
      </Form.Item>
      <Form.Item label={t('seriousInjuries')} name="seriousInjuries" rules={[{ required: true }]}>
        <InputNumber min={0} precision={0} />
      </Form.Item>
      <Form.Item label={t('directLoss')} name="directLossYuan" rules={[{ required: lossRequired }]}>
        <InputNumber min={0} precision={2} style={{ width: 180 }} />
      </Form.Item>
    </Space>
  );
}

/**
 * 补报 (条例 Art.13): the new figures and the day the agency received them — the fax, the signed receipt, the
 * postmark; left empty it is the day of entry. An earlier day needs its receipt among the case's attachments
 * (the API says which field is wrong).
 */
export function CasualtyUpdateAction({ accidentId }: { accidentId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const attachments = useQuery({
    queryKey: ['attachments', accidentId],
    queryFn: () =>
      unwrap<{ items: Array<{ id: string; kind: string; fileName: string | null; sha256: string }> }>(
        api.GET('/cases/{id}/attachments', { params: { path: { id: accidentId } } }),
      ),
  });
  return (
    <ActionButton<Values>
      label={t('casualtyUpdate')}
      action="casualty-update"
      onDone={() => void queryClient.invalidateQueries({ queryKey: ['accident', accidentId] })}
      send={(v) =>
        unwrap(
          api.POST('/accidents/{id}/casualty-updates', {
            params: { path: { id: accidentId } },
            body: {
              deaths: v.deaths,
              seriousInjuries: v.seriousInjuries,
              ...(v.directLossYuan !== undefined && v.directLossYuan !== null && { directLossYuan: v.directLossYuan }),
              ...(v.receivedOn && { receivedOn: v.receivedOn.format('YYYY-MM-DD') }),
              ...(v.receiptAttachmentIds?.length && { receiptAttachmentIds: v.receiptAttachmentIds }),
            },
          }),
        )
      }
    >
      <CasualtyFigureFields lossRequired={false} />
      <Form.Item label={t('receivedOn')} name="receivedOn" extra={t('receivedOnHint')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('receiptAttachments')} name="receiptAttachmentIds">
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          options={(attachments.data?.items ?? []).map((a) => ({
            value: a.id,
            label: a.fileName ?? `${a.kind} ${a.sha256.slice(0, 8)}`,
          }))}
        />
      </Form.Item>
    </ActionButton>
  );
}

/** The 补报 on record: the new figures and grade, the day received and who entered it when. */
export function CasualtyRevisions({ revisions, action }: { revisions: Revision[]; action?: ReactNode }) {
  const { t, code } = useI18n();
  return (
    <Card title={t('casualtyRevisions')} extra={action} data-testid="casualty-revisions">
      <Table<Revision>
        size="small"
        rowKey="reportedAt"
        pagination={false}
        dataSource={revisions}
        locale={{ emptyText: t('noData') }}
        columns={[
          { title: t('deaths'), key: 'deaths', render: (_, r) => r.deaths },
          { title: t('seriousInjuries'), key: 'injuries', render: (_, r) => r.seriousInjuries },
          { title: t('grade'), key: 'grade', render: (_, r) => code(r.newGrade) },
          { title: t('receivedOn'), key: 'receivedOn', render: (_, r) => <span data-received-on>{r.receivedOn}</span> },
          { title: t('receiptAttachments'), key: 'receipts', render: (_, r) => r.receiptAttachmentIds.length },
          {
            title: t('enteredBy'),
            key: 'entered',
            render: (_, r) => (
              <>
                <UserName id={r.reportedBy} /> · <ChinaTime value={r.reportedAt} />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
