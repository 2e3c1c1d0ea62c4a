import { Bytes, Count } from '@/components/ui/num';
import { Table, Td, Th, THead, Tr } from '@/components/ui/table';
import type { LogDir } from '@/lib/api/brokers';

/** A broker's log directories: size, volume usage and the biggest topics in each. */
export function LogDirs({ dirs }: { dirs: LogDir[] }) {
  if (dirs.length === 0) return <p className="text-sm text-slate-500">The broker reported no log directories.</p>;
  return (
    <div className="space-y-4" data-testid="log-dirs">
      {dirs.map((d) => {
        const used = d.totalBytes !== null && d.usableBytes !== null ? d.totalBytes - d.usableBytes : null;
        const pct = used !== null && d.totalBytes ? Math.round((used / d.totalBytes) * 100) : null;
        return (
          <div key={d.path} className="space-y-2" data-testid={`log-dir-${d.path}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-mono text-sm text-slate-800">{d.path}</p>
              <p className="text-sm text-slate-600">
                <Bytes value={d.size} className="font-semibold text-slate-900" /> in <Count value={d.partitions} /> replicas
                {pct !== null && (
                  <span className={`ml-2 ${pct >= 90 ? 'font-semibold text-red-700' : pct >= 75 ? 'text-amber-800' : ''}`}>
                    · volume {pct}% used (<Bytes value={d.usableBytes} /> free)
                  </span>
                )}
              </p>
            </div>
            {d.error && <p className="rounded bg-red-50 px-2 py-1 text-sm text-red-800">Error: {d.error}</p>}
            {d.topics.length > 0 && (
              <Table>
                <THead>
                  <Th>Largest topics</Th>
                  <Th align="right">Replicas</Th>
                  <Th align="right">Size</Th>
                  <Th align="right">Share</Th>
                </THead>
                <tbody>
                  {d.topics.map((t) => (
                    <Tr key={t.name}>
                      <Td className="font-mono text-xs">{t.name}</Td>
                      <Td align="right"><Count value={t.partitions} /></Td>
                      <Td align="right"><Bytes value={t.size} /></Td>
                      <Td align="right" className="text-slate-500">{d.size ? `${((t.size / d.size) * 100).toFixed(1)}%` : '—'}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
          </div>
        );
      })}
    </div>
  );
}
