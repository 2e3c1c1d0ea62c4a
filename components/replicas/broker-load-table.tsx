import { Badge } from '@/components/ui/badge';
import { Count } from '@/components/ui/num';
import { Table, Td, Th, THead, Tr } from '@/components/ui/table';
import type { BrokerLoad } from '@/lib/api/replicas';

/** Per-broker counts with the deviation from an even leader share. */
export function BrokerLoadTable({ brokers }: { brokers: BrokerLoad[] }) {
  const online = brokers.filter((b) => b.online).length;
  const leaders = brokers.reduce((n, b) => n + b.leaders, 0);
  const even = online ? leaders / online : 0;
  return (
    <Table testId="broker-load-table">
      <THead>
        <Th>Broker</Th>
        <Th align="right">Leaders</Th>
        <Th align="right" title="Leaders compared with an even share over online brokers">vs even</Th>
        <Th align="right" title="Partitions whose preferred (first) replica is this broker">Preferred</Th>
        <Th align="right">Replicas</Th>
        <Th align="right">Out of sync</Th>
      </THead>
      <tbody>
        {brokers.map((b) => {
          const deviation = b.online && even ? (b.leaders - even) / even : null;
          return (
            <Tr key={b.id} tone={!b.online ? 'danger' : b.outOfSync ? 'warn' : undefined} testId={`load-row-${b.id}`}>
              <Td>
                {b.id} {!b.online && <Badge tone="danger">offline</Badge>}
              </Td>
              <Td align="right"><Count value={b.leaders} /></Td>
              <Td align="right" className={deviation !== null && Math.abs(deviation) > 0.2 ? 'font-semibold text-amber-800' : 'text-slate-500'}>
                {deviation === null ? '—' : `${deviation >= 0 ? '+' : ''}${Math.round(deviation * 100)}%`}
              </Td>
              <Td align="right"><Count value={b.preferredLeaders} /></Td>
              <Td align="right"><Count value={b.replicas} /></Td>
              <Td align="right" className={b.outOfSync ? 'font-semibold text-amber-800' : 'text-slate-400'}><Count value={b.outOfSync} /></Td>
            </Tr>
          );
        })}
      </tbody>
    </Table>
  );
}
