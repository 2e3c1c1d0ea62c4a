'use client';

import { BarChart } from '@/components/charts/bar-chart';
import { formatBytes, formatCount } from '@/lib/format/number';
import type { PartitionDetail } from '@/lib/api/topics';

const SKEW = 1.5;

/** Size and messages per partition against the average, so an unbalanced key spread stands out. */
export function PartitionSkewChart({ partitions }: { partitions: PartitionDetail[] }) {
  const data = partitions.map((p) => ({ partition: `p${p.partition}`, size: p.size ?? 0, messages: p.messages ?? 0 }));
  if (data.every((d) => d.size === 0 && d.messages === 0)) {
    return <p className="text-sm text-slate-500" data-testid="partition-skew-empty">No data in this topic yet, so nothing to compare between partitions.</p>;
  }
  const avg = (key: 'size' | 'messages') => (data.length ? data.reduce((n, d) => n + d[key], 0) / data.length : 0);
  const avgSize = avg('size');
  const avgMessages = avg('messages');
  const skew = (key: 'size' | 'messages', average: number) =>
    average > 0 ? Math.max(...data.map((d) => d[key])) / average : 1;
  const sizeSkew = skew('size', avgSize);
  const messageSkew = skew('messages', avgMessages);
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="partition-skew">
      <figure>
        <figcaption className="mb-1 flex justify-between text-xs text-slate-600">
          <span className="font-medium">Size per partition</span>
          <SkewNote ratio={sizeSkew} average={`avg ${formatBytes(avgSize)}`} />
        </figcaption>
        <BarChart
          data={data}
          categoryKey="partition"
          series={{ size: { label: 'Size', color: '#0284c7' } }}
          format={(v) => formatBytes(v)}
          reference={avgSize > 0 ? { value: avgSize } : undefined}
          highlight={(row) => (avgSize > 0 && row.size > avgSize * SKEW ? '#d97706' : undefined)}
          testId="skew-size-chart"
        />
      </figure>
      <figure>
        <figcaption className="mb-1 flex justify-between text-xs text-slate-600">
          <span className="font-medium">Messages per partition</span>
          <SkewNote ratio={messageSkew} average={`avg ${formatCount(Math.round(avgMessages))}`} />
        </figcaption>
        <BarChart
          data={data}
          categoryKey="partition"
          series={{ messages: { label: 'Messages', color: '#4f46e5' } }}
          format={(v) => formatCount(v)}
          reference={avgMessages > 0 ? { value: avgMessages } : undefined}
          highlight={(row) => (avgMessages > 0 && row.messages > avgMessages * SKEW ? '#d97706' : undefined)}
          testId="skew-messages-chart"
        />
      </figure>
    </div>
  );
}

function SkewNote({ ratio, average }: { ratio: number; average: string }) {
  const skewed = ratio > SKEW;
  return (
    <span className="text-slate-500">
      <span className="mr-2 border-b border-dashed border-slate-700 pb-px">{average}</span>
      <span className={skewed ? 'font-semibold text-amber-800' : ''} title="Largest partition divided by the average">
        max/avg {ratio.toFixed(2)}{skewed ? ' · skewed' : ''}
      </span>
    </span>
  );
}
