import { useQueries } from '@tanstack/react-query';
import DataLoader from 'dataloader';
import { api, unwrap } from '../api/client';
import type { components } from '../api/openapi';

type Department = components['schemas']['DepartmentPageDto_Output']['items'][number];

/** The API answers at most this many ids at once (`GET /departments?ids=`). */
const IDS_PER_REQUEST = 100;

/**
 * Departments by id, the ids a page's rows name collected into one request (`GET /departments?ids=`) instead of
 * loading the whole directory: a province has far more departments than one page. React Query caches each
 * department, so the loader keeps no cache of its own (a logout clears it with everything else).
 */
const departmentLoader = new DataLoader<string, Department | null>(
  async (ids) => {
    const page = await unwrap(
      api.GET('/departments', { params: { query: { ids: ids.join(','), limit: IDS_PER_REQUEST } } }),
    );
    const byId = new Map(page.items.map((department) => [department.id, department]));
    return ids.map((id) => byId.get(id) ?? null);
  },
  { cache: false, maxBatchSize: IDS_PER_REQUEST },
);

/** The departments among `ids` (nulls and repeats ignored), as they arrive. */
export function useDepartmentsById(ids: ReadonlyArray<string | null | undefined>): Map<string, Department> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const answers = useQueries({
    queries: wanted.map((id) => ({
      queryKey: ['department', id],
      queryFn: () => departmentLoader.load(id),
      staleTime: 600_000,
    })),
  });
  const found = new Map<string, Department>();
  for (const answer of answers) if (answer.data) found.set(answer.data.id, answer.data);
  return found;
}

export function DepartmentName({ id }: { id: string | null | undefined }) {
  const department = useDepartmentsById([id]).get(id ?? '');
  if (!id) return <>—</>;
  return <>{department?.name ?? id.slice(0, 8)}</>;
}
