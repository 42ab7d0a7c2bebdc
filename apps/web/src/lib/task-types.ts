import { useQuery } from '@tanstack/react-query';
import { fetchRaw } from '../api/client';
import { ApiError } from '../api/errors';
import type { TaskTypeContract } from '../api/views';

/** The published step contracts (GET /task-types): titles, roles and every outcome's payload schema. */
export function useTaskTypes() {
  return useQuery({
    queryKey: ['task-types'],
    queryFn: async (): Promise<TaskTypeContract[]> => {
      try {
        const body = (await (await fetchRaw('/task-types')).json()) as { items: TaskTypeContract[] };
        return body.items;
      } catch (error) {
        // An API without the step catalogue: the console still lists and opens tasks.
        if (error instanceof ApiError && error.status === 404) return [];
        throw error;
      }
    },
    staleTime: 3_600_000,
  });
}
