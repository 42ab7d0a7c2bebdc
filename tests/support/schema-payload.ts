/**
 * Fills a step payload the way a client that knows nothing but the published JSON Schema would:
 * every required field, by its name in the schema, with a value its constraints accept (format,
 * enum, length, range, item counts). People come from the directory: a `user` field takes the
 * next of the given people, and a sibling field that the person's directory record also has (a
 * credential number next to an officer) takes that record's value.
 */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  'x-widget'?: string;
  [key: string]: unknown;
}

export type DirectoryRecord = { id: string } & Record<string, unknown>;

export interface PayloadSources {
  /** The people to name, in order; a list of people takes distinct ones. */
  people: DirectoryRecord[];
  /** Today in China, YYYY-MM-DD. */
  today: string;
}

export function payloadFromSchema(schema: JsonSchema, sources: PayloadSources): Record<string, unknown> {
  let nextPerson = 0;
  const person = () => {
    const chosen = sources.people[nextPerson % sources.people.length];
    nextPerson++;
    return chosen;
  };

  const value = (field: JsonSchema): unknown => {
    const variant = field.anyOf?.find((option) => option.type !== 'null') ?? field.oneOf?.[0];
    if (variant && !field.type && !field.enum) return value(variant);
    if (field.enum) return field.enum[0];
    if (field.const !== undefined) return field.const;
    if (field['x-widget'] === 'user') return person().id;
    if (field['x-widget'] === 'users') return [person().id];
    if (field['x-widget'] === 'attachments') return [];
    switch (Array.isArray(field.type) ? field.type[0] : field.type) {
      case 'object':
        return object(field);
      case 'array':
        return Array.from({ length: Math.max(field.minItems ?? 0, 1) }, () => value(field.items ?? {}));
      case 'boolean':
        return false;
      case 'integer':
      case 'number':
        return Math.max(field.minimum ?? 1, (field.exclusiveMinimum ?? 0) + 1);
      default:
        return text(field);
    }
  };

  const text = (field: JsonSchema): string => {
    if (field.format === 'date') return sources.today;
    if (field.format === 'date-time') return new Date().toISOString();
    if (field.format === 'uuid') return person().id;
    const filler = '依据公开的步骤契约填写';
    const length = Math.min(Math.max(field.minLength ?? 1, filler.length), field.maxLength ?? filler.length);
    return filler.repeat(Math.ceil(length / filler.length)).slice(0, length);
  };

  const object = (shape: JsonSchema): Record<string, unknown> => {
    const filled: Record<string, unknown> = {};
    const required = shape.required ?? [];
    let named: DirectoryRecord | undefined;
    for (const name of required) {
      const field = shape.properties?.[name] ?? {};
      if (field['x-widget'] === 'user') {
        named = person();
        filled[name] = named.id;
      } else {
        filled[name] = value(field);
      }
    }
    // Fields the named person's directory record also has come from that record.
    if (named) for (const name of required) if (name in named && name !== 'id') filled[name] = named[name];
    return filled;
  };

  return object(schema);
}
