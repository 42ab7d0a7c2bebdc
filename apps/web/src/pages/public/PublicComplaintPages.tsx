import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Select, Switch, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/openapi';
import { ApiError } from '../../api/errors';
import { ErrorNotice } from '../../lib/components';
import { useI18n } from '../../lib/i18n';

type Complaint = components['schemas']['PublicComplaintDto'];
type Receipt = components['schemas']['PublicReceiptDto_Output'];

/** The API takes at most 4 files of at most 2 MiB each (decoded). */
const MAX_FILES = 4;
const MAX_FILE_BYTES = 2 * 1024 * 1024;

interface ComplaintValues {
  description: string;
  place: string;
  enterpriseName?: string;
  departmentId?: string;
  anonymous: boolean;
  name?: string;
  phone?: string;
  address?: string;
}

const base64Of = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
};

/**
 * 投诉举报 without an account (12350 online): what happened, where, whom, photos, anonymous or with a name. The
 * answer is a tracking code and a secret shown once; the informant's contact goes only to the handling officers.
 */
export function PublicComplaintPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<ComplaintValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const anonymous = Form.useWatch('anonymous', form) ?? true;
  const departments = useQuery({
    queryKey: ['public-complaint-departments'],
    queryFn: () => unwrap(api.GET('/public/complaint-departments')),
    staleTime: 600_000,
  });
  const send = useMutation({
    mutationFn: async (values: ComplaintValues): Promise<Receipt> => {
      const evidence = await Promise.all(
        files.map(async (file) => ({
          fileName: file.name,
          ...(file.type ? { contentType: file.type } : {}),
          contentBase64: await base64Of(file.originFileObj as File),
        })),
      );
      const body: Complaint = {
        description: values.description,
        place: values.place,
        ...(values.enterpriseName ? { enterpriseName: values.enterpriseName } : {}),
        ...(values.departmentId ? { departmentId: values.departmentId } : {}),
        contact: values.anonymous
          ? { anonymous: true }
          : {
              anonymous: false,
              name: values.name,
              ...(values.phone ? { phone: values.phone } : {}),
              ...(values.address ? { address: values.address } : {}),
            },
        ...(evidence.length ? { evidence } : {}),
      };
      return unwrap(api.POST('/public/complaints', { body }));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.length)
        form.setFields(
          error.fields.map((field) => ({
            name: fieldName(field.path),
            errors: [field.message],
          })),
        );
    },
  });

  if (send.data)
    return (
      <Card title={t('publicComplaint')}>
        <Alert type="success" showIcon message={t('complaintReceived')} style={{ marginBottom: 16 }} />
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('complaintCode')}>
            <Typography.Text copyable data-testid="complaint-code">
              {send.data.code}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('complaintSecret')}>
            <Typography.Text copyable data-testid="complaint-secret">
              {send.data.secret}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Link to={`/ui/public/complaint/track?code=${send.data.code}`}>{t('publicComplaintTrack')}</Link>
      </Card>
    );

  return (
    <Card title={t('publicComplaint')}>
      <Form<ComplaintValues>
        form={form}
        layout="vertical"
        name="public-complaint"
        initialValues={{ anonymous: true }}
        onFinish={(values) => send.mutate(values)}
        style={{ maxWidth: 720 }}
      >
        <Form.Item label={t('complaintDescription')} name="description" rules={[{ required: true, max: 10_000 }]}>
          <Input.TextArea autoSize={{ minRows: 4 }} />
        </Form.Item>
        <Form.Item label={t('complaintPlace')} name="place" rules={[{ required: true, max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('complaintEnterprise')} name="enterpriseName" rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('complaintDepartment')} name="departmentId">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={departments.isLoading}
            options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item label={t('complaintAnonymous')} name="anonymous" valuePropName="checked">
          <Switch />
        </Form.Item>
        {!anonymous && (
          <>
            <Form.Item label={t('complaintName')} name="name" rules={[{ required: true, max: 100 }]}>
              <Input autoComplete="name" />
            </Form.Item>
            <Form.Item label={t('complaintPhone')} name="phone" rules={[{ pattern: /^[0-9+\- ]{5,30}$/ }]}>
              <Input autoComplete="tel" />
            </Form.Item>
            <Form.Item label={t('complaintAddress')} name="address" rules={[{ max: 300 }]}>
              <Input autoComplete="street-address" />
            </Form.Item>
          </>
        )}
        <Form.Item label={t('complaintEvidence')}>
          <Upload
            accept="image/*,video/*"
            multiple
            maxCount={MAX_FILES}
            fileList={files}
            beforeUpload={(file) => {
              if (file.size > MAX_FILE_BYTES) return Upload.LIST_IGNORE;
              return false;
            }}
            onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_FILES))}
          >
            <Button>{t('complaintEvidence')}</Button>
          </Upload>
        </Form.Item>
        <ErrorNotice error={send.error instanceof ApiError && send.error.fields.length ? null : send.error} />
        <Button type="primary" htmlType="submit" loading={send.isPending}>
          {t('complaintSend')}
        </Button>
      </Form>
    </Card>
  );
}

/** An API field path (`contact.name`) as the form's field name (`name`). */
function fieldName(path: string): keyof ComplaintValues {
  return (path.startsWith('contact.') ? path.slice('contact.'.length) : path) as keyof ComplaintValues;
}

/** The informant's lookup: the code and the secret give the status and the answer, nothing else. */
export function PublicComplaintTrackPage() {
  const { t } = useI18n();
  const initialCode = new URLSearchParams(window.location.search).get('code') ?? '';
  const lookup = useMutation({
    mutationFn: ({ code, secret }: { code: string; secret: string }) =>
      unwrap(
        api.GET('/public/complaints/{code}', {
          params: { path: { code: code.trim() }, query: { secret: secret.trim() } },
        }),
      ),
  });
  const notFound = lookup.error instanceof ApiError && (lookup.error.status === 404 || lookup.error.status === 400);
  return (
    <Card title={t('publicComplaintTrack')}>
      <Form
        layout="vertical"
        name="complaint-track"
        initialValues={{ code: initialCode }}
        onFinish={(values: { code: string; secret: string }) => lookup.mutate(values)}
        style={{ maxWidth: 480 }}
      >
        <Form.Item label={t('complaintCode')} name="code" rules={[{ required: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('complaintSecret')} name="secret" rules={[{ required: true }]}>
          <Input.Password autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={lookup.isPending}>
          {t('complaintTrack')}
        </Button>
      </Form>
      {notFound && (
        <Alert type="error" showIcon role="alert" message={t('complaintNotFound')} style={{ marginTop: 16 }} />
      )}
      {lookup.error && !notFound && <ErrorNotice error={lookup.error} />}
      {lookup.data && (
        <Descriptions column={1} bordered size="small" style={{ marginTop: 16 }} data-testid="complaint-tracked">
          <Descriptions.Item label={t('complaintStatus')}>{lookup.data.statusLabel}</Descriptions.Item>
          <Descriptions.Item label={t('complaintFeedback')}>
            {lookup.data.feedback ?? t('complaintNoFeedback')}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
