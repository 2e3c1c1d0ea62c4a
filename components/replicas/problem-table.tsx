import Link from 'next/link';
import { ReplicaChips } from '@/components/topics/replica-chips';
import { Badge } from '@/components/ui/badge';
import { EmptyRow, Table, Td, Th, THead, Tr } from '@/components/ui/table';
import type { PartitionProblem, ProblemPartition } from '@/lib/api/replicas';

const problemBadge: Record<PartitionProblem, { label: string; tone: 'danger' | 'warn' }> = {
  offline: { label: 'offline (no leader)', tone: 'danger' },
  'under-min-isr': { label: 'under min ISR', tone: 'danger' },
  'under-replicated': { label: 'under-replicated', tone: 'warn' },
};

export function ProblemTable({ cluster, problems, emptyText }: { cluster: string; problems: ProblemPartition[]; emptyText: string }) {
  const base = `/clusters/${encodeURIComponent(cluster)}/topics`;
  return (
    <Table testId="problem-table">
      <THead>
        <Th>Topic</Th>
        <Th align="right">Partition</Th>
        <Th>Problem</Th>
        <Th align="right">Leader</Th>
        <Th>Replicas (ISR)</Th>
        <Th align="right" title="In-sync replicas / min.insync.replicas">ISR / min</Th>
      </THead>
      <tbody>
        {problems.map((p) => {
          const worst = problemBadge[p.problems[0]];
          return (
            <Tr key={`${p.topic}-${p.partition}`} tone={worst.tone} testId={`problem-row-${p.topic}-${p.partition}`}>
              <Td className="max-w-sm truncate">
                <Link href={`${base}/${encodeURIComponent(p.topic)}`} className="font-medium text-sky-700 hover:underline" title={p.topic}>{p.topic}</Link>
              </Td>
              <Td align="right">{p.partition}</Td>
              <Td>
                <span className="flex flex-wrap gap-1">
                  {p.problems.map((k) => <Badge key={k} tone={problemBadge[k].tone}>{problemBadge[k].label}</Badge>)}
                </span>
              </Td>
              <Td align="right" className={p.leader === null ? 'font-semibold text-red-700' : ''}>{p.leader ?? 'none'}</Td>
              <Td><ReplicaChips replicas={p.replicas} isr={p.isr} leader={p.leader} offline={p.offlineReplicas} /></Td>
              <Td align="right">
                {p.isr.length} / {p.minInsyncReplicas ?? '?'}
              </Td>
            </Tr>
          );
        })}
        {problems.length === 0 && <EmptyRow colSpan={6} testId="replicas-all-in-sync">{emptyText}</EmptyRow>}
      </tbody>
    </Table>
  );
}
