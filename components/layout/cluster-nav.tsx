'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

// The cluster's sections. Each domain's pages live under /clusters/<id>/<section>.
const sections = [
  { href: '', label: 'Overview', testId: 'nav-overview' },
  { href: '/brokers', label: 'Brokers', testId: 'nav-brokers' },
  { href: '/topics', label: 'Topics', testId: 'nav-topics' },
  { href: '/replicas', label: 'Replica sync', testId: 'nav-replicas' },
  { href: '/quorum', label: 'Quorum', testId: 'nav-quorum' },
  { href: '/groups', label: 'Consumer groups', testId: 'nav-groups' },
  { href: '/schemas', label: 'Schemas', testId: 'nav-schemas' },
  { href: '/produce', label: 'Produce', testId: 'nav-produce' },
  { href: '/audit', label: 'Audit log', testId: 'nav-audit' },
];

export function ClusterNav({ cluster }: { cluster: string }) {
  const pathname = usePathname();
  const base = `/clusters/${encodeURIComponent(cluster)}`;
  return (
    <nav className="flex flex-col gap-0.5 text-sm">
      {sections.map((s) => {
        const href = base + s.href;
        const active = s.href === '' ? pathname === base : pathname.startsWith(href);
        return (
          <Link
            key={s.label}
            href={href}
            data-testid={s.testId}
            className={`rounded px-3 py-1.5 ${active ? 'bg-slate-800 font-medium text-white' : 'text-slate-300 hover:bg-slate-800/60 hover:text-white'}`}
          >
            {s.label}
          </Link>
        );
      })}
    </nav>
  );
}
