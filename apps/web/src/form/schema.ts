/**
 * The step form model: a step outcome's payload JSON Schema (draft 2020-12, the conventions of the
 * step contracts) turned into field descriptors the renderer draws, the form's values turned back
 * into the payload, and the API's field errors placed on the fields they name. Pure: no React, no
 * I/O, so it is unit-tested on sample schemas.
 */

export type Lang = 'zh' | 'en';

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  'x-title-en'?: string;
  description?: string;
  'x-widget'?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  default?: unknown;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'integer'
  | 'number'
  | 'money'
  | 'boolean'
  | 'choice'
  | 'choices'
  | 'date'
  | 'datetime'
  | 'user'
  | 'department'
  | 'users'
  | 'attachments'
  | 'texts'
  | 'object'
  | 'list';

export interface ChoiceOption {
  value: string;
  label: { zh: string; en: string };
}

export interface FieldNode {
  /** Property name inside its parent object (the last segment of the form path). */
  name: string;
  kind: FieldKind;
  label: { zh: string; en: string };
  description?: string;
  required: boolean;
  schema: JsonSchema;
  /** choice / choices */
  options?: ChoiceOption[];
  /** object: its properties */
  fields?: FieldNode[];
  /** list: the descriptor of one item (its name is the empty string) */
  item?: FieldNode;
}

const typeOf = (schema: JsonSchema): string | undefined => {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  return schema.type;
};

/** `anyOf: [X, {type: 'null'}]` (an optional nullable value) is treated as X. */
export function unwrapNullable(schema: JsonSchema): JsonSchema {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && !schema.enum) {
    const nonNull = variants.filter((v) => v.type !== 'null');
    if (nonNull.length === 1 && nonNull.length < variants.length) {
      const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = schema;
      return { ...nonNull[0], ...rest };
    }
  }
  return schema;
}

const optionsOf = (schema: JsonSchema): ChoiceOption[] | undefined => {
  if (!schema.enum) return undefined;
  const titled = new Map(
    (schema.oneOf ?? [])
      .filter((o) => o.const !== undefined)
      .map((o) => [
        String(o.const),
        { zh: o.title ?? String(o.const), en: o['x-title-en'] ?? o.title ?? String(o.const) },
      ]),
  );
  return schema.enum.map((value) => ({
    value: String(value),
    label: titled.get(String(value)) ?? { zh: String(value), en: String(value) },
  }));
};

function kindOf(schema: JsonSchema): FieldKind {
  const widget = schema['x-widget'];
  const type = typeOf(schema);
  if (widget === 'attachments') return 'attachments';
  if (widget === 'users') return 'users';
  if (widget === 'user') return 'user';
  if (widget === 'department') return 'department';
  if (widget === 'money') return 'money';
  if (widget === 'textarea') return 'textarea';
  if (schema.enum) return 'choice';
  switch (type) {
    case 'boolean':
      return 'boolean';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'object':
      return 'object';
    case 'array': {
      const item = unwrapNullable(schema.items ?? {});
      if (item.enum) return 'choices';
      if (item['x-widget'] === 'user' || (item.format === 'uuid' && !item['x-widget'])) return 'users';
      if (typeOf(item) === 'string' && !item.format) return 'texts';
      return 'list';
    }
    default:
      if (schema.format === 'date') return 'date';
      if (schema.format === 'date-time') return 'datetime';
      return 'text';
  }
}

/** `$ref: '#/$defs/X'` (a schema used more than once) resolved against the payload schema's `$defs`. */
function resolveRef(schema: JsonSchema, defs: Record<string, JsonSchema>): JsonSchema {
  const prefix = '#/$defs/';
  if (!schema.$ref?.startsWith(prefix)) return schema;
  const { $ref, ...rest } = schema;
  return { ...resolveRef(defs[$ref.slice(prefix.length)] ?? {}, defs), ...rest };
}

/** The descriptor of one field (and, for objects and lists, of everything inside it). */
export function describeField(
  raw: JsonSchema,
  name: string,
  required: boolean,
  defs: Record<string, JsonSchema> = {},
): FieldNode {
  const withItems = (schema: JsonSchema): JsonSchema =>
    schema.items ? { ...schema, items: unwrapNullable(resolveRef(schema.items, defs)) } : schema;
  const schema = withItems(unwrapNullable(resolveRef(raw, defs)));
  const kind = kindOf(schema);
  const zh = schema.title ?? name;
  const node: FieldNode = {
    name,
    kind,
    label: { zh, en: schema['x-title-en'] ?? zh },
    description: schema.description,
    required,
    schema,
  };
  if (kind === 'choice') node.options = optionsOf(schema);
  if (kind === 'choices') node.options = optionsOf(unwrapNullable(schema.items ?? {}));
  if (kind === 'object') node.fields = describeForm(schema, defs);
  if (kind === 'list') node.item = describeField(schema.items ?? {}, '', true, defs);
  return node;
}

/** The fields of an object schema (an outcome's payload), in the order the schema lists them. */
export function describeForm(schema: JsonSchema, defs: Record<string, JsonSchema> = schema.$defs ?? {}): FieldNode[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, prop]) =>
    describeField(prop, name, required.has(name), defs),
  );
}

/** What a date picker holds (a dayjs value), without depending on dayjs here. */
interface DateLike {
  format(template?: string): string;
  toISOString(): string;
  /** dayjs's timezone plugin: the same wall-clock time in the given zone. */
  tz?(zone: string, keepLocalTime: boolean): DateLike;
}

/** What a person picks is China wall-clock time, whatever zone the browser is in. */
const inChina = (value: DateLike): DateLike => (value.tz ? value.tz('Asia/Shanghai', true) : value);
const isDateLike = (value: unknown): value is DateLike =>
  typeof value === 'object' && value !== null && typeof (value as DateLike).format === 'function';

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The payload from the form's values: dates as YYYY-MM-DD (China local date), instants as ISO 8601
 * with the +08:00 offset, empty optional fields left out (the API rejects what it does not know and
 * reports what is missing, so nothing is invented here), numbers as numbers.
 */
export function toPayload(fields: FieldNode[], values: Record<string, unknown> | undefined): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of fields) {
    const converted = convertValue(field, values?.[field.name]);
    if (converted !== undefined) payload[field.name] = converted;
  }
  return payload;
}

function convertValue(field: FieldNode, value: unknown): unknown {
  if (isEmpty(value)) return field.kind === 'boolean' && field.required ? false : undefined;
  switch (field.kind) {
    case 'date':
      return isDateLike(value) ? inChina(value).format('YYYY-MM-DD') : value;
    case 'datetime':
      return isDateLike(value) ? inChina(value).format('YYYY-MM-DDTHH:mm:ssZ') : value;
    case 'integer':
    case 'number':
    case 'money': {
      const numeric = typeof value === 'number' ? value : Number(value);
      return Number.isNaN(numeric) ? value : numeric;
    }
    case 'object':
      return toPayload(field.fields ?? [], value as Record<string, unknown>);
    case 'list':
      return Array.isArray(value)
        ? value.map((item) => convertValue(field.item!, item)).filter((item) => item !== undefined)
        : value;
    case 'choices':
    case 'users':
    case 'attachments':
    case 'texts':
      return Array.isArray(value) && value.length === 0 && !field.required ? undefined : value;
    case 'text':
    case 'textarea':
      return typeof value === 'string' ? value.trim() : value;
    default:
      return value;
  }
}

/** A form path as antd names it: property names and numeric list indices. */
export type FormPath = Array<string | number>;

export interface PlacedErrors {
  /** Errors on a rendered field (the deepest one the API path reaches). */
  fields: Array<{ name: FormPath; errors: string[] }>;
  /** Errors that name no rendered field (the payload as a whole, or an outcome). */
  general: string[];
}

/**
 * Places the API's `details.fields` (`payload.evidence.0.officers`) on the form's fields. A path
 * deeper than any rendered field (an item of a user list) lands on the field that holds it; a path
 * outside the payload is a general error.
 */
export function placeErrors(fields: FieldNode[], apiFields: Array<{ path: string; message: string }>): PlacedErrors {
  const byField = new Map<string, { name: FormPath; errors: string[] }>();
  const general: string[] = [];
  for (const { path, message } of apiFields) {
    const segments = path.split('.').filter((s) => s !== '');
    if (segments[0] !== 'payload') {
      general.push(path ? `${path}: ${message}` : message);
      continue;
    }
    const name = resolvePath(fields, segments.slice(1));
    if (name.length === 0) {
      general.push(message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], general };
}

function resolvePath(fields: FieldNode[], segments: string[]): FormPath {
  const [head, ...rest] = segments;
  const field = fields.find((f) => f.name === head);
  if (!field) return [];
  const name: FormPath = [field.name];
  let node = field;
  let remaining = rest;
  for (;;) {
    if (node.kind === 'object' && remaining.length > 0) {
      const inner = resolvePath(node.fields ?? [], remaining);
      return inner.length ? [...name, ...inner] : name;
    }
    if (node.kind === 'list' && remaining.length > 0 && /^\d+$/.test(remaining[0])) {
      name.push(Number(remaining[0]));
      node = node.item!;
      remaining = remaining.slice(1);
      // An object item has no field of its own: an error on the whole item shows on its list.
      if (node.kind !== 'object') return name;
      if (remaining.length === 0) return name.slice(0, -1);
      continue;
    }
    return name;
  }
}

/** Fields a person must fill before the API is asked (the API checks everything else and says so). */
export const requiredMessage = (lang: Lang, label: string): string =>
  lang === 'zh' ? `请填写${label}` : `${label} is required`;
