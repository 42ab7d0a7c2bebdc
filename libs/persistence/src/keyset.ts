import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError, ErrorCode } from '@safety/domain/errors';

/** Totals are counted exactly up to this many rows; beyond it a page says `totalExact: false`. */
export const PAGE_TOTAL_CAP = 10_000;

/** One page of a list that can grow (keyset pagination): see docs/case-machinery.md "Lists". */
export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
  /** Exact up to PAGE_TOTAL_CAP; when `totalExact` is false there are at least that many. */
  total: number;
  totalExact: boolean;
}

export interface PageRequest {
  limit: number;
  cursor?: string | null;
}

/**
 * What a key part holds: a timestamp (ISO text at microsecond precision, or `infinity` for "no
 * date", sorted last), a uuid, or an integer (as text, so bigint sequences survive JSON).
 */
export type KeyPart = 'timestamp' | 'uuid' | 'integer' | 'text';

const CURSOR_VERSION = 1;
const PATTERNS: Record<KeyPart, RegExp> = {
  timestamp: /^(infinity|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  integer: /^-?\d{1,19}$/,
  text: /^[\s\S]{0,400}$/,
};

/**
 * SQL for a timestamptz column as the exact text a cursor carries: microseconds, UTC, and
 * `infinity` as itself (timestamps stored by PostgreSQL are finer than a JavaScript Date).
 */
export const timestampKey = (column: string): string =>
  `CASE WHEN isfinite(${column}) THEN to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ELSE 'infinity' END`;

/** The opaque cursor after a row: the list's sort name and the row's key values. */
export function encodeCursor(sort: string, key: string[]): string {
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, s: sort, k: key }), 'utf8').toString('base64url');
}

const malformed = (why: string): DomainError =>
  new DomainError(ErrorCode.VALIDATION_FAILED, `malformed cursor: ${why}`, {
    fields: [{ path: 'query.cursor', message: `malformed cursor: ${why}` }],
  });

/**
 * The key values of a cursor made by `encodeCursor` for the same list and sort; anything else
 * (edited, truncated, from another list or sort) is a 400 VALIDATION_FAILED on `query.cursor`.
 */
export function decodeCursor(cursor: string, sort: string, parts: readonly KeyPart[]): string[] {
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw malformed('not a cursor of this list');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw malformed('not a cursor of this list');
  }
  const body = decoded as { v?: unknown; s?: unknown; k?: unknown };
  if (typeof decoded !== 'object' || decoded === null || body.v !== CURSOR_VERSION || !Array.isArray(body.k))
    throw malformed('not a cursor of this list');
  if (body.s !== sort) throw malformed(`it belongs to another sort order than ${sort}`);
  const key = body.k as unknown[];
  if (
    key.length !== parts.length ||
    key.some((value, i) => typeof value !== 'string' || !PATTERNS[parts[i]].test(value))
  )
    throw malformed('not a cursor of this list');
  return key as string[];
}

/** Builds the page from up to `limit + 1` rows fetched in order (the extra row only says there is more). */
export function keysetPage<Row, Item>(
  rows: Row[],
  limit: number,
  sort: string,
  keyOf: (row: Row) => string[],
  toItem: (row: Row) => Item,
  counted: number,
): KeysetPage<Item> {
  const items = rows.slice(0, limit);
  const more = rows.length > limit;
  return {
    items: items.map(toItem),
    nextCursor: more && items.length ? encodeCursor(sort, keyOf(items[items.length - 1])) : null,
    total: Math.min(counted, PAGE_TOTAL_CAP),
    totalExact: counted <= PAGE_TOTAL_CAP,
  };
}

/** `SELECT count(*)` of a row source, stopping after one row more than the cap. */
export const cappedCountSql = (source: string): string =>
  `SELECT count(*)::int AS n FROM (${source} LIMIT ${PAGE_TOTAL_CAP + 1}) AS capped`;

/** Positional parameters for SQL built from parts: `add(value)` returns its `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A list's order: columns (SQL, with the query's alias) all ascending or all descending, ending in a unique one. */
export interface KeysetOrder {
  sort: string;
  direction: 'ASC' | 'DESC';
  columns: Array<{ sql: string; part: KeyPart }>;
}

/** The common order of lists that grow: newest first by an instant, ties broken by the row's uuid. */
export const newestFirst = (instantColumn: string, idColumn: string): KeysetOrder => ({
  sort: 'newest',
  direction: 'DESC',
  columns: [
    { sql: instantColumn, part: 'timestamp' },
    { sql: idColumn, part: 'uuid' },
  ],
});

const keySql = (column: { sql: string; part: KeyPart }): string =>
  column.part === 'timestamp' ? timestampKey(column.sql) : `${column.sql}::text`;
const castOf: Record<KeyPart, string> = { timestamp: 'timestamptz', uuid: 'uuid', integer: 'bigint', text: 'text' };

/**
 * One keyset page of a TypeORM query (its filters already applied, no ORDER BY or LIMIT): rows after
 * the cursor in the given order, plus the capped total of the filtered query.
 */
export async function keysetQuery<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: KeysetOrder,
  page: PageRequest,
): Promise<KeysetPage<T>> {
  const parts = order.columns.map((c) => c.part);
  const cursor = page.cursor ? decodeCursor(page.cursor, order.sort, parts) : null;
  const [countSql, countParams] = query.clone().select('1').getQueryAndParameters();
  const rows = query.clone();
  order.columns.forEach((c, i) => rows.addSelect(keySql(c), `keyset_${i}`));
  if (cursor) {
    const values = order.columns.map((c, i) => `CAST(:keyset_after_${i} AS ${castOf[c.part]})`);
    rows.andWhere(
      `(${order.columns.map((c) => c.sql).join(', ')}) ${order.direction === 'DESC' ? '<' : '>'} (${values.join(', ')})`,
      Object.fromEntries(cursor.map((v, i) => [`keyset_after_${i}`, v])),
    );
  }
  order.columns.forEach((c, i) =>
    i === 0 ? rows.orderBy(c.sql, order.direction) : rows.addOrderBy(c.sql, order.direction),
  );
  const { entities, raw } = await rows.limit(page.limit + 1).getRawAndEntities();
  const counted: Array<{ n: number }> = await query.connection.query(cappedCountSql(countSql), countParams);
  const keyed = entities.map((entity, i) => ({
    entity,
    key: order.columns.map((_, k) => String(raw[i][`keyset_${k}`])),
  }));
  return keysetPage(
    keyed,
    page.limit,
    order.sort,
    (r) => r.key,
    (r) => r.entity,
    counted[0].n,
  );
}

/**
 * A keyset page of a short list already held in memory in its order (a case's documents or
 * publications), keyed by each item's unique id: the cursor names the last item shown.
 */
export function pageOfList<Item>(
  all: Item[],
  page: PageRequest,
  sort: string,
  idOf: (item: Item) => string,
): KeysetPage<Item> {
  let start = 0;
  if (page.cursor) {
    const [after] = decodeCursor(page.cursor, sort, ['uuid']);
    const index = all.findIndex((item) => idOf(item) === after);
    if (index < 0) throw malformed('not a cursor of this list');
    start = index + 1;
  }
  return keysetPage(
    all.slice(start, start + page.limit + 1),
    page.limit,
    sort,
    (item) => [idOf(item)],
    (item) => item,
    all.length,
  );
}
