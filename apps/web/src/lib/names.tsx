import { api, unwrap } from '../api/client';
import type { components } from '../api/openapi';
import { byIdLookup, IDS_PER_REQUEST } from './by-id';

type Department = components['schemas']['DepartmentPageDto_Output']['items'][number];
type Person = components['schemas']['DirectoryUserPageDto_Output']['items'][number];

/** Departments by id (`GET /departments?ids=`): a province has far more departments than one page. */
export const useDepartmentsById = byIdLookup<Department>(
  'department',
  async (ids) => (await unwrap(api.GET('/departments', { params: { query: { ids, limit: IDS_PER_REQUEST } } }))).items,
);

/** People by id (`GET /directory/users?ids=`), of any body and named still after they left. */
export const usePeopleById = byIdLookup<Person>(
  'person',
  async (ids) =>
    (await unwrap(api.GET('/directory/users', { params: { query: { ids, limit: IDS_PER_REQUEST } } }))).items,
);

export function DepartmentName({ id }: { id: string | null | undefined }) {
  const department = useDepartmentsById([id]).get(id ?? '');
  if (!id) return <>—</>;
  return <>{department?.name ?? id.slice(0, 8)}</>;
}

export function UserName({ id }: { id: string | null | undefined }) {
  const person = usePeopleById([id]).get(id ?? '');
  if (!id) return <>—</>;
  return <>{person?.displayName ?? id.slice(0, 8)}</>;
}
