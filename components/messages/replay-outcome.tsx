import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatExact } from '@/lib/format/number';
import type { ReplayProgress, ReplayResult } from '@/lib/api/produce';

/** The bar and count while a replay runs (live is the job's last polled progress, if any yet). */
export function ReplayProgressBar({ live }: { live: ReplayProgress | undefined }) {
  return (
    <div data-testid="replay-progress" className="text-sm text-slate-700">
      <div className="h-1.5 overflow-hidden rounded bg-slate-200">
        <div className="h-full bg-sky-500 transition-[width]" style={{ width: `${live && live.total > 0 ? (live.produced / live.total) * 100 : 0}%` }} />
      </div>
      <p className="mt-1 tabular-nums">Produced {formatExact(live?.produced ?? 0)} of {formatExact(live?.total ?? 0)}{live?.state && live.state !== 'running' ? ` · ${live.state}` : ''}</p>
    </div>
  );
}

/** What a finished replay produced, per partition, and whether the end offsets confirm the count. */
export function ReplayResultSummary({ cluster, result }: { cluster: string; result: ReplayResult }) {
  return (
    <div className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="replay-result">
      <p className="flex flex-wrap items-center gap-2">
        <span>
          Produced <span className="font-semibold" data-testid="replay-produced">{formatExact(result.produced)}</span> message{result.produced === 1 ? '' : 's'} into{' '}
          <Link className="font-mono text-sky-700 hover:underline" href={`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(result.targetTopic)}/messages`}>{result.targetTopic}</Link> in {(result.durationMs / 1000).toFixed(1)} s.
        </span>
        {result.verified ? <Badge tone="ok" testId="replay-verified">count checked against offsets</Badge> : <Badge tone="warn" testId="replay-verified">offsets grew by a different count (others are writing?)</Badge>}
        {result.cancelled && <Badge tone="warn">stopped early</Badge>}
        {result.skipped > 0 && <span className="text-xs text-slate-500">{formatExact(result.skipped)} offsets held no message (transaction markers or compacted).</span>}
      </p>
      <table className="mt-2 text-xs tabular-nums">
        <thead className="text-slate-500"><tr><th className="pr-4 text-left">Partition</th><th className="pr-4 text-right">End before</th><th className="pr-4 text-right">End after</th><th className="text-right">Produced</th></tr></thead>
        <tbody>
          {result.partitions.map((p) => (
            <tr key={p.partition}><td className="pr-4 font-mono">{p.partition}</td><td className="pr-4 text-right">{formatExact(p.before)}</td><td className="pr-4 text-right">{formatExact(p.after)}</td><td className="text-right">{formatExact(p.produced)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
