'use client';

import { StatTile } from '@/components/overview/stat-tile';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Count } from '@/components/ui/num';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/skeleton';
import { StaleBanner } from '@/components/ui/stale-banner';
import { Table, Td, Th, THead, Tr } from '@/components/ui/table';
import { UpdatedAgo } from '@/components/ui/updated-ago';
import { useNow } from '@/components/ui/use-now';
import type { QuorumReplica, QuorumResponse } from '@/lib/api/quorum';
import { formatDuration } from '@/lib/format/duration';
import { formatCount } from '@/lib/format/number';
import { quorumKeys, useQuorum } from '@/lib/queries/quorum';
import { refreshNow } from '@/lib/queries/refresh';

/** A voter this far behind the leader's fetch clock is shown as not fetching. */
const STALE_FETCH_MS = 10_000;

export function QuorumView({ cluster }: { cluster: string }) {
  const { data, error, isPending, isFetching, refetch } = useQuorum(cluster);
  return (
    <>
      <PageHeader
        title="Metadata quorum"
        subtitle="The KRaft controllers: leader, epoch, and how far each voter and observer is behind"
        actions={<UpdatedAgo updatedAt={data?.fetchedAt} failed={!data && Boolean(error)} refreshing={isFetching} onRefresh={() => refreshNow(quorumKeys.detail(cluster), refetch)} />}
      />
      {error && data && <StaleBanner error={error} fetchedAt={data.fetchedAt} />}
      {isPending && <TableSkeleton rows={3} />}
      {!data && error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data?.mode === 'no-quorum-api' && (
        <Card>
          <p className="text-sm text-slate-700" data-testid="quorum-unavailable">
            This cluster does not answer DescribeQuorum: it runs on ZooKeeper, or on KRaft older than Kafka {data.needsKafka.replace(' (KRaft)', '')}.
            {data.controllerId !== null ? ` Its controller is broker ${data.controllerId}.` : ' Its controller is not known right now.'}
          </p>
        </Card>
      )}
      {data?.mode === 'kraft' && <KraftQuorum quorum={data} />}
    </>
  );
}

function KraftQuorum({ quorum }: { quorum: Extract<QuorumResponse, { mode: 'kraft' }> }) {
  const now = useNow();
  const behind = quorum.voters.filter((v) => (v.lag ?? 1) > 0);
  const majority = Math.floor(quorum.voters.length / 2) + 1;
  const caughtUp = quorum.voters.length - behind.length;
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatTile label="Leader" value={quorum.leaderId >= 0 ? `node ${quorum.leaderId}` : 'none'} tone={quorum.leaderId >= 0 ? 'ok' : 'danger'} hint="active controller" testId="quorum-leader" />
        <StatTile label="Epoch" value={formatCount(quorum.leaderEpoch)} hint="leader elections so far" testId="quorum-epoch" />
        <StatTile label="High watermark" value={formatCount(quorum.highWatermark)} hint="committed metadata offset" testId="quorum-high-watermark" />
        <StatTile
          label="Voters caught up"
          value={`${caughtUp} of ${quorum.voters.length}`}
          tone={caughtUp < majority ? 'danger' : behind.length ? 'warn' : 'ok'}
          hint={`a majority is ${majority}`}
          testId="quorum-caught-up"
        />
      </div>
      <Card title={`Voters (${quorum.voters.length})`}>
        <ReplicaTable replicas={quorum.voters} leaderId={quorum.leaderId} now={now} testId="quorum-voters" />
      </Card>
      <Card title={`Observers (${quorum.observers.length})`}>
        {quorum.observers.length ? (
          <ReplicaTable replicas={quorum.observers} leaderId={quorum.leaderId} now={now} testId="quorum-observers" />
        ) : (
          <p className="text-sm text-slate-600" data-testid="quorum-no-observers">No observers: every broker of this cluster is also a voter (combined mode), or no broker-only node has fetched yet.</p>
        )}
      </Card>
    </div>
  );
}

function ReplicaTable({ replicas, leaderId, now, testId }: { replicas: QuorumReplica[]; leaderId: number; now: number | null; testId: string }) {
  const ago = (t: number | null) => (t === null || now === null ? '—' : `${formatDuration(Math.max(0, now - t))} ago`);
  return (
    <Table testId={testId}>
      <THead>
        <Th>Node</Th>
        <Th align="right">Log end offset</Th>
        <Th align="right" title="High watermark − log end offset">Lag</Th>
        <Th align="right">Last fetch</Th>
        <Th align="right">Last caught up</Th>
      </THead>
      <tbody>
        {replicas.map((r) => {
          const leader = r.id === leaderId;
          const stale = !leader && (r.lastFetchAt === null || (now !== null && now - r.lastFetchAt > STALE_FETCH_MS));
          return (
            <Tr key={r.id} tone={stale ? 'danger' : (r.lag ?? 0) > 0 ? 'warn' : undefined} testId={`quorum-replica-${r.id}`}>
              <Td>
                {r.id} {leader && <Badge tone="info">leader</Badge>} {r.brokerOnline === false && <Badge tone="danger">broker offline</Badge>}
              </Td>
              <Td align="right"><Count value={r.logEndOffset} /></Td>
              <Td align="right" className={(r.lag ?? 0) > 0 ? 'font-semibold text-amber-800' : 'text-slate-500'}>
                <span data-testid={`quorum-lag-${r.id}`} data-value={r.lag ?? ''}><Count value={r.lag} /></span>
              </Td>
              <Td align="right">{leader ? '—' : ago(r.lastFetchAt)}</Td>
              <Td align="right">{ago(r.lastCaughtUpAt)}</Td>
            </Tr>
          );
        })}
      </tbody>
    </Table>
  );
}
