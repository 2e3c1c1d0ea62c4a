import { Bytes } from '@/components/ui/num';

/** A broker's log-dir bytes with a bar of its share of the cluster's bytes. */
export function LogDirShare({ size, total, testId }: { size: number | null; total: number; testId?: string }) {
  if (size === null) return <span className="text-slate-400" title="The broker could not be asked">—</span>;
  const share = total > 0 ? size / total : 0;
  const pct = Math.round(share * 100);
  return (
    <div className="flex items-center justify-end gap-2 whitespace-nowrap" data-testid={testId} data-share={pct}>
      <div className="h-1.5 w-16 overflow-hidden rounded bg-slate-100" aria-hidden title={`${pct}% of the cluster's log-dir bytes`}>
        <div className="h-full bg-sky-500" style={{ width: `${share * 100}%` }} />
      </div>
      <span className="w-9 text-right text-xs text-slate-500">{pct}%</span>
      <Bytes value={size} className="min-w-16 text-right" />
    </div>
  );
}
