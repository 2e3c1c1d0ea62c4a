'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Count } from '@/components/ui/num';
import type { ClusterSummary } from '@/lib/api/clusters';
import { useOverview } from '@/lib/queries/overview';

/** One cluster: its overview is polled separately, so a slow or down cluster holds up no other row. */
export function ClusterRow({ cluster }: { cluster: ClusterSummary }) {
  const { data, error, isPending } = useOverview(cluster.id);
  const href = `/clusters/${encodeURIComponent(cluster.id)}`;
  const problems = data?.health.filter((h) => h.severity !== 'ok') ?? [];
  return (
    <tr data-testid={`cluster-row-${cluster.id}`}>
      <td className="py-3 pr-4">
        <Link href={href} className="font-medium text-sky-700 hover:underline" data-testid={`cluster-link-${cluster.id}`}>
          {cluster.name}
        </Link>
        <p className="font-mono text-xs text-slate-500">{cluster.bootstrapServers.join(', ')}</p>
        <div className="mt-1 flex gap-1">
          {cluster.embedded && <Badge tone="info">embedded demo</Badge>}
          {cluster.readOnly && <Badge tone="warn">read-only</Badge>}
        </div>
      </td>
      <td className="py-3 pr-4" data-testid={`cluster-health-${cluster.id}`}>
        {isPending && <span className="text-slate-400">checking…</span>}
        {Boolean(error) && <Badge tone="danger" title={error instanceof Error ? error.message : undefined}>unreachable</Badge>}
        {data && problems.length === 0 && <Badge tone="ok">healthy</Badge>}
        <div className="flex flex-wrap gap-1">
          {problems.map((p) => (
            <Link key={p.id} href={href + p.href} title={p.detail}>
              <Badge tone={p.severity === 'danger' ? 'danger' : 'warn'}>{p.title}</Badge>
            </Link>
          ))}
        </div>
      </td>
      <td className="py-3 text-right tabular-nums">{data ? `${data.brokers.online} / ${data.brokers.total}` : '—'}</td>
      <td className="py-3 text-right tabular-nums">{data ? <Count value={data.topics.total} /> : '—'}</td>
      <td className="py-3 text-right tabular-nums">{data ? <Count value={data.partitions.total} /> : '—'}</td>
      <td className="py-3 text-right tabular-nums">{data ? <Count value={data.groups.total} /> : '—'}</td>
    </tr>
  );
}
