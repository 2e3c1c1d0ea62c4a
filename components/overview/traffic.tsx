import Link from 'next/link';
import type { OverviewTraffic } from '@/lib/api/overview';
import { formatBytes } from '@/lib/format/number';
import { formatDuration } from '@/lib/format/duration';
import { formatRate } from '@/lib/format/units';

/** Messages in and out of the cluster right now, and the topics taking most of them. */
export function Traffic({ cluster, traffic }: { cluster: string; traffic: OverviewTraffic | null }) {
  if (!traffic) {
    return (
      <p className="text-sm text-slate-500" data-testid="overview-traffic-pending">
        Measuring… the rates appear once the console has taken two samples of the cluster.
      </p>
    );
  }
  const base = `/clusters/${encodeURIComponent(cluster)}/topics`;
  const top = traffic.busiestTopics[0]?.messagesPerSecond ?? 0;
  return (
    <div className="space-y-3" data-testid="overview-traffic">
      <dl className="grid grid-cols-2 gap-3">
        <Rate label="Produce" testId="overview-produce-rate" value={traffic.produceMessagesPerSecond} hint={traffic.produceBytesPerSecond === null ? undefined : `${formatBytes(Math.round(traffic.produceBytesPerSecond))}/s`} />
        <Rate label="Consume" testId="overview-consume-rate" value={traffic.consumeMessagesPerSecond} hint="committed by groups" />
      </dl>
      <div>
        <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">Busiest topics</p>
        {traffic.busiestTopics.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="overview-busiest-none">No topic is being written to.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="overview-busiest">
            {traffic.busiestTopics.map((t) => (
              <li key={t.topic} className="relative flex items-center justify-between gap-2 px-1 py-0.5" data-testid={`overview-busiest-${t.topic}`}>
                {/* A bar behind the name: how this topic compares with the busiest. */}
                <span className="absolute inset-y-0 left-0 rounded bg-sky-100" style={{ width: `${top > 0 ? (t.messagesPerSecond / top) * 100 : 0}%` }} aria-hidden />
                <Link href={`${base}/${encodeURIComponent(t.topic)}`} className="relative truncate font-medium text-sky-700 hover:underline">{t.topic}</Link>
                <span className="relative shrink-0 tabular-nums text-slate-700">
                  {formatRate(t.messagesPerSecond)} msg/s{t.bytesPerSecond !== null && <span className="text-slate-500"> · {formatBytes(Math.round(t.bytesPerSecond))}/s</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="text-xs text-slate-500">Averaged over the last {formatDuration(traffic.windowMs)}.</p>
    </div>
  );
}

function Rate({ label, value, hint, testId }: { label: string; value: number | null; hint?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 px-3 py-2" data-testid={testId} data-value={value ?? ''}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-xl font-semibold tabular-nums text-slate-900">
        {formatRate(value)} <span className="text-sm font-normal text-slate-500">msg/s</span>
      </dd>
      {hint && <p className="truncate text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
