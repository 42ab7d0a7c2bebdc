import { pageParams, toListPage } from './pages';

describe('list pages in either shape', () => {
  it('reads offset pages and asks for the next offset until the total is reached', () => {
    expect(toListPage({ items: [1, 2], total: 5, offset: 0, limit: 2 })).toEqual({
      items: [1, 2],
      total: 5,
      totalExact: true,
      next: { offset: 2 },
    });
    expect(toListPage({ items: [5], total: 5, offset: 4, limit: 2 }).next).toBeNull();
  });

  it('reads keyset pages and follows the cursor, keeping an inexact total', () => {
    expect(toListPage({ items: ['a'], nextCursor: 'c2', total: 10_000, totalExact: false })).toEqual({
      items: ['a'],
      total: 10_000,
      totalExact: false,
      next: { cursor: 'c2' },
    });
    expect(toListPage({ items: [], nextCursor: null, total: 0, totalExact: true }).next).toBeNull();
  });

  it('reads plain item lists as one page', () => {
    expect(toListPage({ items: [1, 2, 3] })).toEqual({ items: [1, 2, 3], total: 3, totalExact: true, next: null });
  });

  it('builds the query of a page request', () => {
    expect(pageParams(null, 20)).toEqual({ limit: 20 });
    expect(pageParams({ offset: 40 }, 20)).toEqual({ limit: 20, offset: 40 });
    expect(pageParams({ cursor: 'abc' }, 20)).toEqual({ limit: 20, cursor: 'abc' });
  });
});
