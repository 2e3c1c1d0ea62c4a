import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '@/lib/api/auth';
import { apiFetch } from '@/lib/api/fetcher';
import { Access, type Action, type Resource } from '@/lib/auth/access';
import { useReadOnly } from './admin';
import { ME_STALE_MS } from './constants';

// The signed-in user and what they may do. The browser only uses this to disable controls and
// say why; the server enforces the same rules on every request.

export const authKeys = {
  me: ['auth', 'me'] as const,
};

export const meQuery = () => queryOptions({ queryKey: authKeys.me, queryFn: () => apiFetch<Me>('/api/auth/me'), staleTime: ME_STALE_MS });

export const useMe = () => useQuery(meQuery());

export interface Permission {
  allowed: boolean;
  /** Why the control is disabled; empty when allowed. */
  reason: string;
  /** `role` when the user's roles are the reason (read-only mode has its own notice). */
  cause: 'allowed' | 'read-only' | 'role' | 'loading';
  action: Action;
}

/** Whether the user may take the action here, folding in the cluster's read-only mode. */
export function usePermission(cluster: string, action: Action, resource?: Resource): Permission {
  const { data } = useMe();
  const readOnly = useReadOnly(cluster);
  if (action !== 'view' && action !== 'messages:read' && action !== 'audit:read' && readOnly.readOnly) {
    return { allowed: false, reason: readOnly.reason, cause: readOnly.loading ? 'loading' : 'read-only', action };
  }
  if (!data) return { allowed: false, reason: 'Loading your permissions…', cause: 'loading', action };
  if (new Access(data.rules).can(action, cluster, resource)) return { allowed: true, reason: '', cause: 'allowed', action };
  const what = !resource ? 'this cluster' : 'topic' in resource ? `topic ${resource.topic}` : `group ${resource.group}`;
  return { allowed: false, reason: `Your role does not allow ${action} on ${what}.`, cause: 'role', action };
}
