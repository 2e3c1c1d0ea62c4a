'use client';

import { useSyncExternalStore } from 'react';
import { useReadOnly } from '@/lib/queries/admin';

const noop = () => () => undefined;

/**
 * Whether changes are off for this cluster, as the page should render it. The server renders
 * "off" (it does not know yet); this stays "off" through hydration and flips after it, because
 * React does not patch an attribute that differs between server HTML and the hydrating render —
 * a button enabled at hydration time would keep the server's `disabled` forever.
 */
export function useChangesDisabled(cluster: string): boolean {
  const hydrated = useSyncExternalStore(noop, () => true, () => false);
  const { readOnly } = useReadOnly(cluster);
  return !hydrated || readOnly;
}
