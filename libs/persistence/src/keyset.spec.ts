import { DomainError, ErrorCode } from '@safety/domain/errors';
import { decodeCursor, encodeCursor, KeysetPage, keysetPage, PAGE_TOTAL_CAP, pageOfList } from './keyset';

describe('keyset cursors', () => {
  const key = ['2026-01-02T03:04:05.123456Z', '6f1c2a9e-0b7d-4c1e-9f00-1234567890ab'];

  it('round-trips the key of the same list and sort', () => {
    expect(decodeCursor(encodeCursor('created', key), 'created', ['timestamp', 'uuid'])).toEqual(key);
    expect(
      decodeCursor(encodeCursor('due', ['infinity', key[0], key[1]]), 'due', ['timestamp', 'timestamp', 'uuid']),
    ).toEqual(['infinity', ...key]);
  });

  const rejects = (cursor: string, sort = 'created') => {
    try {
      decodeCursor(cursor, sort, ['timestamp', 'uuid']);
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
      expect((e as DomainError).details).toEqual({ fields: [{ path: 'query.cursor', message: expect.any(String) }] });
      return;
    }
    throw new Error(`accepted ${cursor}`);
  };

  it('refuses anything that is not a cursor of this list and sort (400 on query.cursor)', () => {
    rejects('not a cursor!');
    rejects('');
    rejects(Buffer.from('{"v":1').toString('base64url'));
    rejects(encodeCursor('due', key));
    rejects(encodeCursor('created', [key[0]]));
    rejects(encodeCursor('created', [key[0], 'robert; drop table']));
    rejects(encodeCursor('created', ['2026-01-02 03:04:05', key[1]]));
    rejects(Buffer.from(JSON.stringify({ v: 2, s: 'created', k: key })).toString('base64url'));
    rejects('A'.repeat(600));
  });
});

describe('keysetPage', () => {
  const rows = Array.from({ length: 21 }, (_, i) => ({ id: String(i) }));

  it('returns the page, a cursor after its last row when more exist, and the exact total below the cap', () => {
    const page = keysetPage(
      rows,
      20,
      'seq',
      (r) => [r.id],
      (r) => r.id,
      21,
    );
    expect(page.items).toHaveLength(20);
    expect(decodeCursor(page.nextCursor!, 'seq', ['integer'])).toEqual(['19']);
    expect(page).toMatchObject({ total: 21, totalExact: true });
  });

  it('ends with a null cursor and marks totals beyond the cap as not exact', () => {
    expect(
      keysetPage(
        rows.slice(0, 5),
        20,
        'seq',
        (r) => [r.id],
        (r) => r,
        5,
      ).nextCursor,
    ).toBeNull();
    expect(
      keysetPage(
        rows,
        20,
        'seq',
        (r) => [r.id],
        (r) => r,
        PAGE_TOTAL_CAP + 1,
      ),
    ).toMatchObject({
      total: PAGE_TOTAL_CAP,
      totalExact: false,
    });
  });

  it('pages a short in-memory list by the last id and refuses an id that is not in it', () => {
    const ids = Array.from({ length: 7 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    const items = ids.map((id) => ({ id }));
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: KeysetPage<{ id: string }> = pageOfList(items, { limit: 3, cursor }, 'issued', (item) => item.id);
      expect(page).toMatchObject({ total: 7, totalExact: true });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(ids);
    const stranger = encodeCursor('issued', ['00000000-0000-4000-8000-0000000000ff']);
    expect(() => pageOfList(items, { limit: 3, cursor: stranger }, 'issued', (item) => item.id)).toThrow(DomainError);
    const otherList = encodeCursor('published', [ids[0]]);
    expect(() => pageOfList(items, { limit: 3, cursor: otherList }, 'issued', (item) => item.id)).toThrow(DomainError);
  });
});
