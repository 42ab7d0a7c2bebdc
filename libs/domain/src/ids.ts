const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Row ids are UUIDs; anything else never reaches a lookup. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
