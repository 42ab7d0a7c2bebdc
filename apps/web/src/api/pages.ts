/**
 * Lists come in two shapes while the API moves to keyset pagination: `{ items, total, offset, limit }`
 * (offset pages) and `{ items, nextCursor, total, totalExact }` (cursor pages). The console reads
 * both through this adapter: it asks for the next page with whatever the previous answer offered.
 */
export interface ListPage<T> {
  items: T[];
  total: number;
  totalExact: boolean;
  /** What to send for the next page, or null on the last one. */
  next: PageRequest | null;
}

export type PageRequest = { offset: number } | { cursor: string };

interface OffsetShape<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

interface CursorShape<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
  totalExact?: boolean;
}

export function toListPage<T>(body: OffsetShape<T> | CursorShape<T> | { items: T[] }): ListPage<T> {
  if ('nextCursor' in body) {
    return {
      items: body.items,
      total: body.total,
      totalExact: body.totalExact ?? true,
      next: body.nextCursor ? { cursor: body.nextCursor } : null,
    };
  }
  if ('offset' in body) {
    const end = body.offset + body.items.length;
    return { items: body.items, total: body.total, totalExact: true, next: end < body.total ? { offset: end } : null };
  }
  return { items: body.items, total: body.items.length, totalExact: true, next: null };
}

/** Query parameters of a page request (first page: none). */
export const pageParams = (request: PageRequest | null, limit: number): Record<string, string | number> => ({
  limit,
  ...(request ?? {}),
});

/**
 * Page N of a list as a table shows it: the table remembers the request that leads to each page it
 * has seen, so "next" and "previous" work with cursors as with offsets.
 */
export class PageTrail {
  private readonly requests: Array<PageRequest | null> = [null];

  requestFor(page: number): PageRequest | null {
    return this.requests[page - 1] ?? null;
  }

  record(page: number, answer: ListPage<unknown>): void {
    this.requests[page] = answer.next;
  }

  /** Pages a table may offer: every page up to the furthest reachable one. */
  reachable(): number {
    let pages = 1;
    while (this.requests[pages]) pages++;
    return pages;
  }
}
