'use client';

import { useMe } from '@/lib/queries/auth';

/** A console reachable beyond this machine with no sign-in gives every visitor admin rights: say so on every page. */
export function ExposureBanner() {
  const { data } = useMe();
  if (!data?.exposedWithoutSignIn) return null;
  return (
    <div role="alert" data-testid="no-auth-banner" className="bg-red-700 px-4 py-2 text-center text-sm font-medium text-white">
      This console has no sign-in (CONSOLE_AUTH=none) and is reachable from the network: everyone who can reach it can read
      every message and change the cluster.
    </div>
  );
}
