import { useState } from 'react';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { pageParams, toListPage, type ListPage, type PageRequest } from '../api/pages';

/**
 * A paged list for a table: page numbers over either list shape (see api/pages.ts). With offset
 * pages any page can be opened; with cursors, the pages seen so far and the next one.
 */
export function usePagedList<T>(
  key: QueryKey,
  fetchPage: (params: Record<string, string | number>) => Promise<Parameters<typeof toListPage<T>>[0]>,
  pageSize = 20,
  refetchInterval?: number,
) {
  const [page, setPage] = useState(1);
  // The request that leads to each page seen, per filter combination (a cursor cannot be computed).
  const [trail] = useState(() => new Map<string, Array<PageRequest | null>>());
  const trailKey = JSON.stringify(key);
  const requests = trail.get(trailKey) ?? [null];
  if (!trail.has(trailKey)) trail.set(trailKey, requests);
  const request: PageRequest | null = page === 1 ? null : (requests[page - 1] ?? { offset: (page - 1) * pageSize });
  const query = useQuery({
    queryKey: [...key, page],
    queryFn: async (): Promise<ListPage<T>> => {
      const answer = toListPage(await fetchPage(pageParams(request, pageSize)));
      requests[page] = answer.next;
      return answer;
    },
    placeholderData: keepPreviousData,
    refetchInterval,
  });
  const data = query.data;
  const cursorMode = !!data?.next && 'cursor' in data.next;
  const total = data ? (cursorMode ? (page + (data.next ? 1 : 0)) * pageSize : data.total) : 0;
  return {
    query,
    items: data?.items ?? [],
    total: data?.total ?? 0,
    resetPage: () => setPage(1),
    pagination: {
      current: page,
      pageSize,
      total,
      showSizeChanger: false,
      onChange: (next: number) => setPage(next),
    },
  };
}
