import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api, unwrap } from '../api/client';
import type { DirectoryDepartment } from '../api/types';
import { useDepartmentsById } from '../lib/names';

/**
 * A department (`x-widget: department`, e.g. the competent department a complaint is transferred to): the first
 * departments of the directory at once and, as a name is typed, those whose name or code contains it
 * (`GET /directory/departments?q=`): a transfer goes to a body outside the reader's jurisdiction, among thousands.
 */
export function DepartmentSelect(control: { [prop: string]: unknown }) {
  const [term, setTerm] = useState('');
  const found = useQuery({
    queryKey: ['directory-departments', term],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/directory/departments', { params: { query: { limit: 20, ...(term ? { q: term } : {}) } } }),
        )
      ).items,
    staleTime: 300_000,
  });
  // The chosen department stays among the options (with its name) after the search moves on, and a value given
  // before any search (a draft, a default) is named by id rather than shown raw.
  const [chosen, setChosen] = useState<DirectoryDepartment | null>(null);
  const value = typeof control.value === 'string' ? control.value : null;
  const given = useDepartmentsById([value]).get(value ?? '');
  const options = useMemo(() => {
    const departments = new Map<string, { id: string; name: string }>((found.data ?? []).map((d) => [d.id, d]));
    if (chosen) departments.set(chosen.id, chosen);
    if (given && !departments.has(given.id)) departments.set(given.id, given);
    return [...departments.values()].map((d) => ({ value: d.id, label: d.name }));
  }, [found.data, chosen, given]);
  const onChange = control.onChange as ((value: unknown, option: unknown) => void) | undefined;
  return (
    <Select
      allowClear
      showSearch
      filterOption={false}
      loading={found.isFetching}
      onSearch={(value) => setTerm(value.trim())}
      options={options}
      {...control}
      onChange={(value: unknown, option) => {
        setChosen(found.data?.find((d) => d.id === value) ?? null);
        onChange?.(value, option);
      }}
    />
  );
}
