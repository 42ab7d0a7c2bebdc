import { useQueries } from '@tanstack/react-query';
import DataLoader from 'dataloader';

/** The API answers at most this many ids at once (an `ids=` query parameter). */
const IDS_PER_REQUEST = 100;

/**
 * Things a page names by id (departments, people), the ids a page renders in one turn collected into one request
 * (`?ids=a,b,…`) instead of loading a whole directory that may be far longer than one page. React Query caches each
 * one under `[kind, id]`, so the loader keeps no cache of its own (a logout clears it with everything else).
 */
export function byIdLookup<T extends { id: string }>(kind: string, fetchPage: (ids: string) => Promise<T[]>) {
  const loader = new DataLoader<string, T | null>(
    async (ids) => {
      const byId = new Map((await fetchPage(ids.join(','))).map((item) => [item.id, item]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { cache: false, maxBatchSize: IDS_PER_REQUEST },
  );
  /** The ones among `ids` (nulls and repeats ignored), as they arrive. */
  return function useById(ids: ReadonlyArray<string | null | undefined>): Map<string, T> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    const answers = useQueries({
      queries: wanted.map((id) => ({ queryKey: [kind, id], queryFn: () => loader.load(id), staleTime: 600_000 })),
    });
    const found = new Map<string, T>();
    for (const answer of answers) if (answer.data) found.set(answer.data.id, answer.data);
    return found;
  };
}

export { IDS_PER_REQUEST };
