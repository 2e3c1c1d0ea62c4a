import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/errors';
import { STALE_MS } from './constants';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_MS,
        // A 4xx will not change by asking again; a 5xx or a network failure might.
        retry: (failures, error) => !(error instanceof ApiError && error.isClientError) && failures < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
