import type { ResetPlanRow } from '@/lib/api/groups';

/** Before/after of every partition a reset touches; `after` columns appear once it ran. */
export function ResetPreviewTable({ rows, testId, after }: {
  rows: ResetPlanRow[];
  testId: string;
  after?: Map<string, number | null>;
}) {
  const num = 'px-3 py-1 text-right tabular-nums';
  return (
    <div className="max-h-80 overflow-auto rounded border border-slate-200">
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-1.5 text-left font-medium">Partition</th>
            <th className="px-3 py-1.5 text-right font-medium">Current</th>
            <th className="px-3 py-1.5 text-right font-medium">New</th>
            {after && <th className="px-3 py-1.5 text-right font-medium">Committed now</th>}
            <th className="px-3 py-1.5 text-right font-medium">Effect</th>
            <th className="px-3 py-1.5 text-left font-medium">Note</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const key = `${r.topic}-${r.partition}`;
            return (
              <tr key={key} className="border-t border-slate-100" data-testid={`${testId}-row-${key}`}>
                <td className="px-3 py-1">{r.topic}-{r.partition}</td>
                <td className={num}>{r.current === null ? '–' : r.current.toLocaleString('en-US')}</td>
                <td className={`${num} font-medium`} data-testid={`${testId}-target-${key}`}>{r.target.toLocaleString('en-US')}</td>
                {after && <td className={num} data-testid={`${testId}-after-${key}`}>{after.get(key)?.toLocaleString('en-US') ?? '–'}</td>}
                <td className={num}><Effect delta={r.delta} /></td>
                <td className="px-3 py-1 text-xs text-slate-500">{r.note}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Effect({ delta }: { delta: number | null }) {
  if (delta === null) return <span className="text-slate-400">–</span>;
  if (delta === 0) return <span className="text-slate-500">unchanged</span>;
  return delta > 0
    ? <span className="text-amber-700">skips {delta.toLocaleString('en-US')}</span>
    : <span className="text-sky-700">replays {(-delta).toLocaleString('en-US')}</span>;
}
