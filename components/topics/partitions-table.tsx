import { Badge } from '@/components/ui/badge';
import { Bytes, Count } from '@/components/ui/num';
import { Table, Td, Th, THead, Tr } from '@/components/ui/table';
import type { PartitionDetail } from '@/lib/api/topics';
import { ReplicaChips } from './replica-chips';

export function PartitionsTable({ partitions }: { partitions: PartitionDetail[] }) {
  return (
    <Table testId="partitions-table">
      <THead>
        <Th align="right">Partition</Th>
        <Th align="right">Leader</Th>
        <Th title="Underlined: leader. Amber: not in the ISR. Red: broker offline.">Replicas (ISR)</Th>
        <Th>Status</Th>
        <Th align="right">Earliest</Th>
        <Th align="right">Latest</Th>
        <Th align="right">Messages</Th>
        <Th align="right">Size</Th>
      </THead>
      <tbody>
        {partitions.map((p) => (
          <Tr key={p.partition} tone={p.offline || p.underMinIsr ? 'danger' : p.underReplicated ? 'warn' : undefined} testId={`partition-row-${p.partition}`}>
            <Td align="right" className="font-medium">{p.partition}</Td>
            <Td align="right" className={p.leader === null ? 'font-semibold text-red-700' : ''}>{p.leader ?? 'none'}</Td>
            <Td>
              <ReplicaChips replicas={p.replicas} isr={p.isr} leader={p.leader} offline={p.offlineReplicas} testId={`partition-replicas-${p.partition}`} />
            </Td>
            <Td>
              <span className="flex flex-wrap gap-1" data-testid={`partition-status-${p.partition}`}>
                {p.offline && <Badge tone="danger">offline</Badge>}
                {p.underMinIsr && <Badge tone="danger">under min ISR</Badge>}
                {p.underReplicated && <Badge tone="warn">under-replicated</Badge>}
                {!p.offline && !p.underMinIsr && !p.underReplicated && <span className="text-xs text-slate-400">in sync</span>}
              </span>
            </Td>
            <Td align="right" className="text-slate-600"><Count value={p.earliest} /></Td>
            <Td align="right" className="text-slate-600"><Count value={p.latest} /></Td>
            <Td align="right"><Count value={p.messages} /></Td>
            <Td align="right"><Bytes value={p.size} /></Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
