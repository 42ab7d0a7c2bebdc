import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/errors';

/** The published step contracts (GET /task-types): titles, roles and every outcome's payload schema. */
export function useTaskTypes() {
  return useQuery({
    queryKey: ['task-types'],
    queryFn: async () => {
      try {
        return (await unwrap(api.GET('/task-types'))).items;
      } catch (error) {
        // An API without the step catalogue: the console still lists and opens tasks.
        if (error instanceof ApiError && error.status === 404) return [];
        throw error;
      }
    },
    staleTime: 3_600_000,
  });
}
