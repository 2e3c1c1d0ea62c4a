import { matchQuery, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { clusterKeys } from './clusters';

/**
 * After a delete, everything of the cluster is re-read except the deleted thing's own queries:
 * re-reading those could only answer 404 (which the browser logs as an error) while the page that
 * showed it navigates away.
 */
export function invalidateAfterDelete(client: QueryClient, cluster: string, gone: QueryKey[]): Promise<void> {
  const isGone = (query: Parameters<typeof matchQuery>[1]) => gone.some((queryKey) => matchQuery({ queryKey }, query));
  for (const queryKey of gone) void client.cancelQueries({ queryKey });
  return client.invalidateQueries({ queryKey: clusterKeys.detail(cluster), predicate: (query) => !isGone(query) });
}
