import Link from 'next/link';
import type { ReactNode } from 'react';
import { ClusterBanner } from '@/components/layout/cluster-banner';
import { ClusterNav } from '@/components/layout/cluster-nav';
import { UserMenu } from '@/components/layout/user-menu';
import { DisplayPrefs } from '@/components/layout/display-prefs';
import { requireCluster } from '@/lib/server/page-exists';
import { routeParam } from '@/lib/url-params';

export default async function ClusterLayout({ children, params }: {
  children: ReactNode;
  params: Promise<{ cluster: string }>;
}) {
  const { cluster } = await params;
  await requireCluster(routeParam(cluster));
  return (
    <div className="flex min-h-screen">
      {/* palette-fixed: the sidebar is dark in both themes. */}
      <aside className="palette-fixed sticky top-0 flex h-screen w-56 shrink-0 flex-col gap-4 border-r border-slate-800 bg-slate-900 py-4">
        <Link href="/" className="px-4 text-xs font-semibold uppercase tracking-wider text-slate-400 hover:text-white">
          Kafka Console
        </Link>
        <ClusterBanner cluster={cluster} />
        <div className="px-1">
          <ClusterNav cluster={cluster} />
        </div>
        <div className="mt-auto space-y-3 border-t border-slate-800 pt-3">
          <DisplayPrefs />
          <UserMenu />
        </div>
      </aside>
      <main className="min-w-0 flex-1 p-6">{children}</main>
    </div>
  );
}
