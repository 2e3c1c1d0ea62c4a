import Link from 'next/link';
import { Count } from '@/components/ui/num';
import { Table, Td, Th, THead, Tr } from '@/components/ui/table';
import type { TopicProblems } from '@/lib/api/replicas';

/** One line per affected topic: how many partitions have which problem, and which brokers lag. */
export function TopicProblemsTable({ cluster, topics, onPick }: { cluster: string; topics: TopicProblems[]; onPick: (topic: string) => void }) {
  const base = `/clusters/${encodeURIComponent(cluster)}/topics`;
  const cell = (n: number, tone: string) => <span className={n ? `font-semibold ${tone}` : 'text-slate-300'}><Count value={n} /></span>;
  return (
    <Table testId="topic-problems-table">
      <THead>
        <Th>Topic</Th>
        <Th align="right">Affected partitions</Th>
        <Th align="right">Offline</Th>
        <Th align="right">Under min ISR</Th>
        <Th align="right">Under-replicated</Th>
        <Th title="Brokers missing from the ISR of these partitions">Out-of-sync brokers</Th>
        <Th />
      </THead>
      <tbody>
        {topics.map((t) => (
          <Tr key={t.topic} tone={t.offline || t.underMinIsr ? 'danger' : 'warn'} testId={`topic-problems-${t.topic}`}>
            <Td className="max-w-sm truncate">
              <Link href={`${base}/${encodeURIComponent(t.topic)}`} className="font-medium text-sky-700 hover:underline" title={t.topic}>{t.topic}</Link>
            </Td>
            <Td align="right"><Count value={t.partitions} /></Td>
            <Td align="right">{cell(t.offline, 'text-red-700')}</Td>
            <Td align="right">{cell(t.underMinIsr, 'text-red-700')}</Td>
            <Td align="right">{cell(t.underReplicated, 'text-amber-800')}</Td>
            <Td className="tabular-nums">{t.outOfSyncBrokers.length ? t.outOfSyncBrokers.map((b) => `broker ${b}`).join(', ') : '—'}</Td>
            <Td align="right">
              <button type="button" onClick={() => onPick(t.topic)} className="text-xs font-medium text-sky-700 hover:underline" data-testid={`topic-problems-show-${t.topic}`}>
                partitions →
              </button>
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
