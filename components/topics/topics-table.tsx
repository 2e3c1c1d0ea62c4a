import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Bytes, Count } from '@/components/ui/num';
import { SortTh } from '@/components/ui/sort-th';
import { EmptyRow, Table, Td, THead, Tr } from '@/components/ui/table';
import { formatExact } from '@/lib/format/number';
import type { TopicRow, TopicSortKey } from '@/lib/api/topics';

export function TopicsTable({ cluster, rows, sort, dir, onSort, lagAvailable, emptyText }: {
  cluster: string;
  rows: TopicRow[];
  sort: TopicSortKey;
  dir: 'asc' | 'desc';
  onSort: (key: TopicSortKey) => void;
  lagAvailable: boolean;
  emptyText: string;
}) {
  const base = `/clusters/${encodeURIComponent(cluster)}/topics`;
  const th = { sort, dir, onSort };
  return (
    <Table testId="topics-table">
      <THead>
        <SortTh label="Topic" sortKey="name" {...th} />
        <SortTh label="Partitions" sortKey="partitions" align="right" {...th} />
        <SortTh label="RF" sortKey="replicationFactor" align="right" title="Replication factor" {...th} />
        <SortTh label="Under-repl." sortKey="underReplicated" align="right" title="Partitions whose ISR is smaller than their replica list" {...th} />
        <SortTh label="Size" sortKey="size" align="right" title="One copy of the data (leader replicas); disk use is about RF times this" {...th} />
        <SortTh label="Messages" sortKey="messages" align="right" title="Latest minus earliest offset, summed over partitions" {...th} />
        <SortTh label="Cleanup" sortKey="cleanupPolicy" {...th} />
        <SortTh label="Worst lag" sortKey="lag" align="right" title="The consumer group furthest behind on this topic" {...th} />
      </THead>
      <tbody>
        {rows.map((t) => (
          <Tr key={t.name} tone={t.offline || t.underMinIsr ? 'danger' : t.underReplicated ? 'warn' : undefined} testId={`topic-row-${t.name}`}>
            <Td className="max-w-md">
              <div className="flex items-center gap-2">
                <Link href={`${base}/${encodeURIComponent(t.name)}`} className="truncate font-medium text-sky-700 hover:underline" title={t.name} data-testid={`topic-link-${t.name}`}>
                  {t.name}
                </Link>
                {t.internal && <Badge tone="neutral">internal</Badge>}
                {t.offline > 0 && <Badge tone="danger" title="Partitions without a leader">{t.offline} offline</Badge>}
                {t.underMinIsr > 0 && <Badge tone="danger" title="Partitions below min.insync.replicas">{t.underMinIsr} under min ISR</Badge>}
              </div>
            </Td>
            <Td align="right"><span data-testid={`topic-partitions-${t.name}`}>{t.partitions}</span></Td>
            <Td align="right">{t.replicationFactor}</Td>
            <Td align="right" className={t.underReplicated ? 'font-semibold text-amber-800' : 'text-slate-400'}>
              <span data-testid={`topic-under-replicated-${t.name}`}>{t.underReplicated}</span>
            </Td>
            <Td align="right"><span data-testid={`topic-size-${t.name}`} data-value={t.size ?? ''}><Bytes value={t.size} /></span></Td>
            <Td align="right"><span data-testid={`topic-messages-${t.name}`} data-value={t.messages ?? ''}><Count value={t.messages} /></span></Td>
            <Td className="text-slate-600">{t.cleanupPolicy ?? <span className="text-slate-400">—</span>}</Td>
            <Td align="right">
              {t.worstLag ? (
                <span title={`${t.worstLag.group}: ${formatExact(t.worstLag.lag)} messages behind`} className={t.worstLag.lag >= 10_000 ? 'font-semibold text-red-700' : t.worstLag.lag > 0 ? 'text-amber-800' : 'text-slate-600'}>
                  <Count value={t.worstLag.lag} />
                  <span className="ml-1 max-w-[10rem] truncate text-xs font-normal text-slate-500">{t.worstLag.group}</span>
                </span>
              ) : (
                <span className="text-slate-400" title={lagAvailable ? 'No consumer group reads this topic' : 'Consumer lag could not be read yet'}>{lagAvailable ? '—' : '…'}</span>
              )}
            </Td>
          </Tr>
        ))}
        {rows.length === 0 && <EmptyRow colSpan={8} testId="topics-empty">{emptyText}</EmptyRow>}
      </tbody>
    </Table>
  );
}
