import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  Typography,
  type FormInstance,
} from 'antd';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/errors';
import type { AttachmentView, DirectoryUser, OutcomeContract } from '../api/types';
import { useDirectory } from '../lib/components';
import { DepartmentSelect } from './DepartmentSelect';
import { UserSelect } from './UserSelect';
import { useI18n } from '../lib/i18n';
import {
  describeForm,
  placeErrors,
  requiredMessage,
  toPayload,
  type FieldNode,
  type FormPath,
  type Lang,
} from './schema';

/** What widgets need besides the schema: the task's case (its evidence) and the directory. */
interface Widgets {
  lang: Lang;
  attachments: AttachmentView[];
  users: DirectoryUser[];
}
const WidgetContext = createContext<Widgets>({ lang: 'zh', attachments: [], users: [] });

/** Outcomes that carry the same payload share one form (APPROVE / REJECT with a comment). */
function groupOutcomes(outcomes: OutcomeContract[]): OutcomeContract[][] {
  const groups = new Map<string, OutcomeContract[]>();
  for (const outcome of outcomes) {
    const key = JSON.stringify(outcome.schema ?? {});
    groups.set(key, [...(groups.get(key) ?? []), outcome]);
  }
  return [...groups.values()];
}

export interface SchemaFormProps {
  outcomes: OutcomeContract[];
  caseId: string;
  disabled?: boolean;
  /** Sends the completion; an ApiError with field errors is shown beside the fields it names. */
  onSubmit(outcome: string, payload: Record<string, unknown>): Promise<void>;
}

/**
 * A step's form, drawn from its outcomes' payload schemas: no step-specific code, so a new step
 * type works here unchanged. Each outcome is a button carrying its code in data-outcome.
 */
export function SchemaForm({ outcomes, caseId, disabled, onSubmit }: SchemaFormProps) {
  const { lang, t, pick } = useI18n();
  const [form] = Form.useForm();
  const groups = useMemo(() => groupOutcomes(outcomes), [outcomes]);
  const [groupIndex, setGroupIndex] = useState(0);
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const group = useMemo(() => groups[Math.min(groupIndex, groups.length - 1)] ?? [], [groups, groupIndex]);
  const fields = useMemo(() => describeForm(group[0]?.schema ?? {}), [group]);
  const needsEvidence = useMemo(() => usesWidget(fields, 'attachments'), [fields]);
  const needsUsers = useMemo(() => usesWidget(fields, 'user') || usesWidget(fields, 'users'), [fields]);
  const attachments = useQuery({
    queryKey: ['attachments', caseId],
    queryFn: () => unwrap(api.GET('/cases/{id}/attachments', { params: { path: { id: caseId } } })),
    enabled: needsEvidence,
  });
  const directory = useDirectory(needsUsers);

  const submit = async (outcome: string) => {
    setGeneral([]);
    let values: Record<string, unknown>;
    try {
      values = (await form.validateFields()) as Record<string, unknown>;
    } catch {
      return;
    }
    setBusy(outcome);
    try {
      await onSubmit(outcome, toPayload(fields, values));
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const placed = placeErrors(fields, error.fields);
        form.setFields(placed.fields.map((field) => ({ name: field.name, errors: field.errors })));
        setGeneral(
          placed.general.length ? [error.message, ...placed.general] : placed.fields.length ? [] : [error.message],
        );
      } else {
        setGeneral([error instanceof Error ? error.message : String(error)]);
      }
    } finally {
      setBusy(null);
    }
  };

  if (outcomes.length === 0) return <Typography.Text type="secondary">{t('formUnavailable')}</Typography.Text>;
  return (
    <WidgetContext.Provider value={{ lang, attachments: attachments.data?.items ?? [], users: directory.data ?? [] }}>
      {groups.length > 1 && (
        <Radio.Group
          optionType="button"
          value={groupIndex}
          onChange={(event) => {
            setGroupIndex(event.target.value as number);
            setGeneral([]);
          }}
          style={{ marginBottom: 16 }}
          aria-label={t('outcome')}
        >
          {groups.map((outcomesOfGroup, index) => (
            <Radio.Button
              key={index}
              value={index}
              data-choose-outcome={outcomesOfGroup.map((o) => o.outcome).join(' ')}
            >
              {outcomesOfGroup.map((o) => pick(o.label)).join(' / ')}
            </Radio.Button>
          ))}
        </Radio.Group>
      )}
      <Form
        form={form}
        name="step"
        layout="vertical"
        disabled={disabled || busy !== null}
        key={groupIndex}
        scrollToFirstError
      >
        {fields.map((field) => (
          <FieldControl key={field.name} field={field} name={[field.name]} />
        ))}
        {general.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            message={general.join('；')}
            data-testid="form-error"
          />
        )}
        <Space wrap>
          {group.map((outcome, index) => (
            <Button
              key={outcome.outcome}
              type={index === 0 ? 'primary' : 'default'}
              danger={/REJECT|RETURN|WITHDRAW/.test(outcome.outcome)}
              data-outcome={outcome.outcome}
              loading={busy === outcome.outcome}
              onClick={() => void submit(outcome.outcome)}
            >
              {pick(outcome.label)}
            </Button>
          ))}
        </Space>
      </Form>
    </WidgetContext.Provider>
  );
}

function usesWidget(fields: FieldNode[], kind: FieldNode['kind']): boolean {
  return fields.some(
    (field) =>
      field.kind === kind ||
      (field.fields && usesWidget(field.fields, kind)) ||
      (field.item && usesWidget([field.item], kind)),
  );
}

const labelOf = (field: FieldNode, lang: Lang) => field.label[lang];

/** One field at a form path relative to the enclosing list item (antd resolves the full path). */
function FieldControl({ field, name }: { field: FieldNode; name: FormPath }) {
  const { lang } = useContext(WidgetContext);
  const label = labelOf(field, lang);
  const rules =
    field.required && field.kind !== 'boolean' ? [{ required: true, message: requiredMessage(lang, label) }] : [];
  const help = field.description ? <Typography.Text type="secondary">{field.description}</Typography.Text> : undefined;

  if (field.kind === 'object') {
    return (
      <Card size="small" title={label} style={{ marginBottom: 16 }}>
        {(field.fields ?? []).map((child) => (
          <FieldControl key={child.name} field={child} name={[...name, child.name]} />
        ))}
      </Card>
    );
  }
  if (field.kind === 'list') return <ListControl field={field} name={name} label={label} />;
  return (
    <Form.Item
      label={label}
      name={name}
      rules={rules}
      extra={help}
      valuePropName={field.kind === 'boolean' ? 'checked' : 'value'}
      initialValue={field.kind === 'boolean' ? false : undefined}
    >
      <Widget field={field} label={label} />
    </Form.Item>
  );
}

function ListControl({ field, name, label }: { field: FieldNode; name: FormPath; label: string }) {
  const { lang } = useContext(WidgetContext);
  const { t } = useI18n();
  const item = field.item!;
  const minimum = field.schema.minItems ?? 0;
  const initial = Array.from({ length: Math.max(minimum, field.required ? 1 : 0) }, () =>
    item.kind === 'object' ? {} : undefined,
  );
  return (
    <Form.Item label={label} required={field.required} style={{ marginBottom: 8 }}>
      <Form.List name={name} initialValue={initial}>
        {(entries, { add, remove }, { errors }) => (
          <>
            {entries.map((entry, index) => (
              <Card
                key={entry.key}
                size="small"
                style={{ marginBottom: 8 }}
                title={`${label} ${index + 1}`}
                extra={
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() => remove(entry.name)}
                    aria-label={`${t('removeItem')} ${label} ${index + 1}`}
                  >
                    {t('removeItem')}
                  </Button>
                }
              >
                {item.kind === 'object' ? (
                  (item.fields ?? []).map((child) => (
                    <FieldControl key={child.name} field={child} name={[entry.name, child.name]} />
                  ))
                ) : (
                  <Form.Item name={[entry.name]} rules={[{ required: true, message: requiredMessage(lang, label) }]}>
                    <Widget field={item} label={label} />
                  </Form.Item>
                )}
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              onClick={() => add(item.kind === 'object' ? {} : undefined)}
              data-add-item={name.join('.')}
            >
              {t('addItem')}：{label}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** The control of a leaf field; antd's Form.Item passes value/onChange (and the id its label points at). */
function Widget({ field, label, ...control }: { field: FieldNode; label: string; [prop: string]: unknown }): ReactNode {
  const { lang, attachments, users } = useContext(WidgetContext);
  const { schema } = field;
  const options = (field.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }));
  const common = { 'aria-label': label, ...control };
  switch (field.kind) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={schema.maxLength} {...common} />;
    case 'integer':
    case 'number':
      return (
        <InputNumber
          style={{ width: '100%' }}
          precision={field.kind === 'integer' ? 0 : undefined}
          min={schema.minimum}
          max={schema.maximum}
          {...common}
        />
      );
    case 'money':
      return (
        <InputNumber
          style={{ width: '100%' }}
          precision={2}
          min={0}
          addonAfter={lang === 'zh' ? '元' : 'yuan'}
          {...common}
        />
      );
    case 'boolean':
      return <Switch {...common} />;
    case 'choice':
      return <Select allowClear options={options} showSearch optionFilterProp="label" {...common} />;
    case 'choices':
      return <Select mode="multiple" allowClear options={options} optionFilterProp="label" {...common} />;
    case 'texts':
      return <Select mode="tags" open={false} suffixIcon={null} {...common} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} {...common} />;
    case 'datetime':
      return <DatePicker showTime style={{ width: '100%' }} {...common} />;
    case 'department':
      return <DepartmentSelect {...common} />;
    case 'user':
      return <UserSelect colleagues={users} multiple={false} {...common} />;
    case 'users':
      return <UserSelect colleagues={users} multiple {...common} />;
    case 'attachments':
      return (
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          options={attachments.map((a) => ({ value: a.id, label: a.fileName ?? `${a.kind} ${a.sha256.slice(0, 8)}` }))}
          {...common}
        />
      );
    default:
      return <Input maxLength={schema.maxLength} {...common} />;
  }
}

export type { FormInstance };
