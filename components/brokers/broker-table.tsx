import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Count } from '@/components/ui/num';
import { Table, Td, Th, THead, Tr } from '@/components/ui/table';
import type { BrokerSummary } from '@/lib/api/brokers';
import { LogDirShare } from './log-dir-share';

/** Brokers with their load; offline brokers are red and stay in the list. Compact (the overview's
 * two-thirds card) leaves out host and rack, which the brokers page shows, so the load fits. */
export function BrokerTable({ cluster, brokers, compact = false }: { cluster: string; brokers: BrokerSummary[]; compact?: boolean }) {
  const base = `/clusters/${encodeURIComponent(cluster)}/brokers`;
  // Bars compare brokers: each is its share of the bytes of every broker that answered.
  const totalSize = brokers.reduce((n, b) => n + (b.logDirSize ?? 0), 0);
  return (
    <Table testId="broker-table">
      <THead>
        <Th>Broker</Th>
        <Th>Status</Th>
        {!compact && <Th>Host</Th>}
        {!compact && <Th>Rack</Th>}
        <Th align="right" title="Partitions this broker leads">Leaders</Th>
        <Th align="right" title="Partition replicas on this broker">Replicas</Th>
        <Th align="right" title="Replicas on this broker that are not in their partition's ISR">Out of sync</Th>
        <Th align="right" title="Bytes in this broker's log directories, and their share of the cluster's">Log dirs (share)</Th>
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
            {!compact && (
              <Td className="font-mono text-xs text-slate-700">{b.host ? `${b.host}:${b.port}` : <span className="text-slate-400" title="This broker was offline whenever this console asked">address unknown</span>}</Td>
            )}
            {!compact && <Td className="text-slate-600">{b.rack ?? <span className="text-slate-400">—</span>}</Td>}
            <Td align="right"><Count value={b.leaders} /></Td>
            <Td align="right"><Count value={b.replicas} /></Td>
            <Td align="right" className={b.outOfSync ? 'font-semibold text-amber-800' : 'text-slate-400'}><Count value={b.outOfSync} /></Td>
            <Td align="right" className="w-48">
              <LogDirShare size={b.logDirSize} total={totalSize} testId={`broker-logdir-share-${b.id}`} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
