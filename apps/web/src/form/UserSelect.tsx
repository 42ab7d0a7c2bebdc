import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api, unwrap } from '../api/client';
import type { DirectoryUser } from '../api/types';
import { useDepartmentsById } from '../lib/names';

const anyone = () => true;

/**
 * A person (or several) from the directory: the colleagues of the reader's departments at once (the directory's
 * first page), and, as a name is typed, the officials of every department whose name matches, so nobody is out of
 * reach in a department of more than a page of people (an investigation team takes police, trade-union and
 * discipline members from other bodies). Each is shown with their credential number, or else their department.
 */
export function UserSelect({
  colleagues,
  multiple,
  eligible = anyone,
  ...control
}: {
  colleagues: DirectoryUser[];
  multiple: boolean;
  /** Who may be chosen (a reassignment to a holder of the step's roles): the searched people are held to it too. */
  eligible?: (person: DirectoryUser) => boolean;
  [prop: string]: unknown;
}) {
  const [term, setTerm] = useState('');
  const search = useQuery({
    queryKey: ['directory-search', term],
    queryFn: async () =>
      (await unwrap(api.GET('/directory/users', { params: { query: { q: term, limit: 20 } } }))).items,
    enabled: term.length > 0,
    staleTime: 60_000,
  });
  // Options keep the people already chosen from an earlier search, so their labels stay.
  const [seen, setSeen] = useState<Map<string, DirectoryUser>>(new Map());
  const departments = useDepartmentsById(
    [...colleagues, ...(search.data ?? []), ...seen.values()].filter((p) => !p.credentialNo).map((p) => p.departmentId),
  );
  const options = useMemo(() => {
    const people = new Map(seen);
    for (const person of [...colleagues, ...(search.data ?? [])]) if (eligible(person)) people.set(person.id, person);
    return [...people.values()].map((person) => ({
      value: person.id,
      label: person.credentialNo
        ? `${person.displayName}（${person.credentialNo}）`
        : `${person.displayName}（${departments.get(person.departmentId)?.name ?? '其他部门'}）`,
    }));
  }, [colleagues, search.data, seen, departments, eligible]);
  const remember = (ids: unknown) => {
    const chosen = new Set(Array.isArray(ids) ? ids : [ids]);
    const next = new Map(seen);
    for (const person of search.data ?? []) if (chosen.has(person.id)) next.set(person.id, person);
    setSeen(next);
  };
  const onChange = control.onChange as ((value: unknown, option: unknown) => void) | undefined;
  return (
    <Select
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch
      optionFilterProp="label"
      loading={search.isFetching}
      onSearch={(value) => setTerm(value.trim())}
      options={options}
      {...control}
      onChange={(value, option) => {
        remember(value);
        onChange?.(value, option);
      }}
    />
  );
}
