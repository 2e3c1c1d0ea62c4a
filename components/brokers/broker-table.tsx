import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Bytes, Count } from '@/components/ui/num';
import { Table, Td, Th, THead, Tr } from '@/components/ui/table';
import type { BrokerSummary } from '@/lib/api/brokers';

/** Brokers with their load; offline brokers are red and stay in the list. */
export function BrokerTable({ cluster, brokers, compact = false }: { cluster: string; brokers: BrokerSummary[]; compact?: boolean }) {
  const base = `/clusters/${encodeURIComponent(cluster)}/brokers`;
  const maxSize = Math.max(1, ...brokers.map((b) => b.logDirSize ?? 0));
  return (
    <Table testId="broker-table">
      <THead>
        <Th>Broker</Th>
        <Th>Status</Th>
        <Th>Host</Th>
        {!compact && <Th>Rack</Th>}
        <Th align="right" title="Partitions this broker leads">Leaders</Th>
        <Th align="right" title="Partition replicas on this broker">Replicas</Th>
        <Th align="right" title="Replicas on this broker that are not in their partition's ISR">Out of sync</Th>
        <Th align="right" title="Bytes in this broker's log directories">Log dirs</Th>
      </THead>
      <tbody>
        {brokers.map((b) => (
          <Tr key={b.id} tone={!b.online ? 'danger' : b.outOfSync ? 'warn' : undefined} testId={`broker-row-${b.id}`}>
            <Td className="whitespace-nowrap">
              <Link href={`${base}/${b.id}`} className="font-medium text-sky-700 hover:underline" data-testid={`broker-link-${b.id}`}>
                {b.id}
              </Link>
              {b.controller && <span className="ml-2"><Badge tone="info" testId={`broker-controller-${b.id}`} title="The active controller">controller</Badge></span>}
            </Td>
            <Td>
              {b.online ? (
                <Badge tone="ok" testId={`broker-status-${b.id}`}>online</Badge>
              ) : (
                <Badge tone="danger" testId={`broker-status-${b.id}`}>offline</Badge>
              )}
            </Td>
            <Td className="font-mono text-xs text-slate-700">{b.host ? `${b.host}:${b.port}` : <span className="text-slate-400" title="This broker was offline whenever this console asked">address unknown</span>}</Td>
            {!compact && <Td className="text-slate-600">{b.rack ?? <span className="text-slate-400">—</span>}</Td>}
            <Td align="right"><Count value={b.leaders} /></Td>
            <Td align="right"><Count value={b.replicas} /></Td>
            <Td align="right" className={b.outOfSync ? 'font-semibold text-amber-800' : 'text-slate-400'}><Count value={b.outOfSync} /></Td>
            <Td align="right" className="w-40">
              <div className="flex items-center justify-end gap-2">
                {b.logDirSize !== null && (
                  <div className="h-1.5 w-16 overflow-hidden rounded bg-slate-100" aria-hidden>
                    <div className="h-full bg-sky-500" style={{ width: `${(b.logDirSize / maxSize) * 100}%` }} />
                  </div>
                )}
                <Bytes value={b.logDirSize} />
              </div>
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
