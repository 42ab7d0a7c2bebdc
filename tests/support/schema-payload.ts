/**
 * Fills a step payload the way a client that knows nothing but the published JSON Schema would:
 * every required field, by its name in the schema, with a value its constraints accept (format,
 * enum, length, range, item counts), then the conditional rules the schema states (`allOf` of
 * `if`/`then`: a field an option requires, the options a choice narrows to) and the items an array
 * must contain (`contains`). People come from the directory: a `user` field takes the person the
 * client picks for it (`personFor`, e.g. by the item's team role) or the next of the given people,
 * and a sibling field that the person's directory record also has (a credential number next to an
 * officer) takes that record's value. `choices` are the options a person picks in the form (by
 * field path, e.g. `responsibleParties.0.kind`); each must be one the schema offers.
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
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  contains?: JsonSchema;
  'x-widget'?: string;
  [key: string]: unknown;
}

export type DirectoryRecord = { id: string } & Record<string, unknown>;

export interface PayloadSources {
  /** The people to name, in order; a list of people takes distinct ones. */
  people: DirectoryRecord[];
  /** Today in China, YYYY-MM-DD. */
  today: string;
  /** The person the client names in one `user` field, given the field's path and what its object holds so far. */
  personFor?: (path: string, siblings: Record<string, unknown>) => DirectoryRecord | undefined;
  /** Options picked in the form, by field path; checked against the schema's enum. */
  choices?: Record<string, unknown>;
}

export function payloadFromSchema(schema: JsonSchema, sources: PayloadSources): Record<string, unknown> {
  let nextPerson = 0;
  const nextOf = () => {
    const chosen = sources.people[nextPerson % sources.people.length];
    nextPerson++;
    return chosen;
  };
  const choices = sources.choices ?? {};
  const join = (path: string, name: string | number) => (path ? `${path}.${name}` : String(name));

  const chosen = (field: JsonSchema, path: string): unknown => {
    const picked = choices[path];
    const allowed = field.enum ?? field.oneOf?.map((option) => option.const);
    if (allowed && !allowed.includes(picked))
      throw new Error(`choice ${JSON.stringify(picked)} at ${path} is not offered: ${JSON.stringify(allowed)}`);
    return picked;
  };

  const value = (field: JsonSchema, path: string, siblings: Record<string, unknown> = {}): unknown => {
    if (path in choices) return chosen(field, path);
    const variant = field.anyOf?.find((option) => option.type !== 'null') ?? field.oneOf?.[0];
    if (variant && !field.type && !field.enum) return value(variant, path, siblings);
    if (field.enum) return field.enum[0];
    if (field.const !== undefined) return field.const;
    if (field['x-widget'] === 'user') return (sources.personFor?.(path, siblings) ?? nextOf()).id;
    if (field['x-widget'] === 'users') return [nextOf().id];
    if (field['x-widget'] === 'attachments') return [];
    switch (Array.isArray(field.type) ? field.type[0] : field.type) {
      case 'object':
        return object(field, path);
      case 'array':
        return array(field, path);
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
    if (field.format === 'uuid') return nextOf().id;
    const filler = '依据公开的步骤契约填写';
    const length = Math.min(Math.max(field.minLength ?? 1, filler.length), field.maxLength ?? filler.length);
    return filler.repeat(Math.ceil(length / filler.length)).slice(0, length);
  };

  /** One item per `contains` the array's `allOf` states (shaped by its constants), else its minimum count (≥ 1). */
  const array = (field: JsonSchema, path: string): unknown[] => {
    const musts = (field.allOf ?? []).flatMap((rule) => (rule.contains ? [rule.contains] : []));
    const count = Math.max(field.minItems ?? 0, musts.length, 1);
    return Array.from({ length: count }, (_, index) => {
      const must = musts[index];
      const constants = Object.fromEntries(
        Object.entries(must?.properties ?? {}).flatMap(([name, rule]) =>
          rule.const === undefined ? [] : [[name, rule.const]],
        ),
      );
      const item = field.items ?? {};
      return Object.keys(constants).length > 0
        ? object(item, join(path, index), constants)
        : value(item, join(path, index));
    });
  };

  /** Whether an `if` holds for the object as filled so far (the subset of JSON Schema the contracts use). */
  const holds = (condition: JsonSchema, filled: Record<string, unknown>): boolean =>
    (condition.required ?? []).every((name) => name in filled) &&
    Object.entries(condition.properties ?? {}).every(
      ([name, rule]) =>
        !(name in filled) ||
        ((rule.const === undefined || rule.const === filled[name]) &&
          (rule.enum === undefined || rule.enum.includes(filled[name]))),
    );

  const object = (shape: JsonSchema, path: string, preset: Record<string, unknown> = {}): Record<string, unknown> => {
    const filled: Record<string, unknown> = { ...preset };
    let named: DirectoryRecord | undefined;
    const fill = (name: string) => {
      if (name in filled) return;
      const field = shape.properties?.[name] ?? {};
      const at = join(path, name);
      if (field['x-widget'] === 'user' && !(at in choices)) {
        named = sources.personFor?.(at, filled) ?? nextOf();
        filled[name] = named.id;
      } else {
        filled[name] = value(field, at, filled);
      }
    };
    // Enumerated fields first: the people and conditional rules may depend on them.
    const required = [
      ...(shape.required ?? []),
      ...Object.keys(shape.properties ?? {}).filter((n) => join(path, n) in choices),
    ];
    const ordered = [...new Set(required)].sort(
      (a, b) => Number(!shape.properties?.[a]?.enum) - Number(!shape.properties?.[b]?.enum),
    );
    ordered.forEach(fill);
    // The schema's conditional rules: the fields an option requires, the options a choice narrows to.
    for (const rule of shape.allOf ?? []) {
      if (!rule.if || !rule.then || !holds(rule.if, filled)) continue;
      for (const [name, narrowed] of Object.entries(rule.then.properties ?? {})) {
        if (narrowed.enum && !narrowed.enum.includes(filled[name])) {
          if (join(path, name) in choices)
            throw new Error(`choice at ${join(path, name)} is not allowed here: ${JSON.stringify(narrowed.enum)}`);
          filled[name] = narrowed.enum[0];
        }
      }
      (rule.then.required ?? []).forEach(fill);
    }
    // Fields the named person's directory record also has come from that record.
    if (named) for (const name of Object.keys(filled)) if (name in named && name !== 'id') filled[name] = named[name];
    return filled;
  };

  return object(schema, '');
}
