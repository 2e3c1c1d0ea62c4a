'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { routeParam } from '@/lib/url-params';

const tabs = [
  { href: '', label: 'Overview', testId: 'topic-tab-overview' },
  { href: '/messages', label: 'Messages', testId: 'topic-tab-messages' },
  { href: '/settings', label: 'Settings', testId: 'topic-tab-settings' },
];

/** The tab bar every page of one topic shows under its title. */
export function TopicTabs({ cluster, topic }: { cluster: string; topic: string }) {
  const pathname = usePathname();
  const base = `/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}`;
  return (
    <nav className="mb-4 flex gap-1 border-b border-slate-200 text-sm" data-testid="topic-tabs">
      {tabs.map((t) => {
        const href = base + t.href;
        // Compared decoded: the browser may spell the same topic name with other escapes.
        const path = routeParam(pathname);
        const active = t.href === '' ? path === routeParam(base) : path.startsWith(routeParam(href));
        return (
          <Link
            key={t.label}
            href={href}
            data-testid={t.testId}
            aria-current={active ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-2 ${active ? 'border-sky-600 font-medium text-sky-800' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'}`}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
