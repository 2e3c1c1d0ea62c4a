'use client';

import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Count } from '@/components/ui/num';
import { Table, Td, Th, THead, Tr } from '@/components/ui/table';
import type { ElectionPreview, ElectionResult, ElectionScope } from '@/lib/api/leader-election';
import { usePermission } from '@/lib/queries/auth';
import { useElectLeaders, usePreviewElection } from '@/lib/queries/replicas';

type ScopeKind = ElectionScope['scope'];

/** Rows of candidates shown in the preview; the counts above it cover every one. */
const CANDIDATES_LISTED = 50;

/**
 * Preferred leader election: pick a scope, preview which partitions move and the leaders per
 * broker before and after, then elect. Nothing moves before the second click.
 */
export function LeaderElectionPanel({ cluster, offPreferred }: { cluster: string; offPreferred: number }) {
  const permission = usePermission(cluster, 'cluster:edit');
  const [kind, setKind] = useState<ScopeKind>('off-preferred');
  const [topic, setTopic] = useState('');
  const [partition, setPartition] = useState('0');
  const preview = usePreviewElection(cluster);
  const elect = useElectLeaders(cluster);
  const scope: ElectionScope =
    kind === 'off-preferred' ? { scope: kind } : kind === 'topic' ? { scope: kind, topic: topic.trim() } : { scope: kind, topic: topic.trim(), partition: Number(partition) };
  const reset = () => {
    preview.reset();
    elect.reset();
  };
  const plan = preview.data;
  const input = 'rounded border border-slate-300 px-2 py-1 text-sm';
  const button = 'rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40';

  return (
    <div className="space-y-3 text-sm" data-testid="leader-election">
      <p className={offPreferred ? 'font-medium text-amber-800' : 'text-emerald-800'} data-testid="off-preferred-summary">
        {offPreferred
          ? `${offPreferred.toLocaleString('en-US')} partition${offPreferred === 1 ? ' is' : 's are'} led by a broker other than their preferred (first) replica.`
          : '✓ Every partition with a leader is led by its preferred replica.'}
      </p>
      {!permission.allowed && permission.cause !== 'loading' && <p className="text-slate-600">{permission.reason}</p>}
      <div className="flex flex-wrap items-center gap-2">
        <select value={kind} onChange={(e) => { setKind(e.target.value as ScopeKind); reset(); }} className={input} data-testid="election-scope" aria-label="Which partitions to elect">
          <option value="off-preferred">Every off-preferred partition</option>
          <option value="topic">One topic</option>
          <option value="partition">One partition</option>
        </select>
        {kind !== 'off-preferred' && (
          <input value={topic} onChange={(e) => { setTopic(e.target.value); reset(); }} placeholder="topic" className={`${input} w-56 font-mono`} data-testid="election-topic" aria-label="Topic" />
        )}
        {kind === 'partition' && (
          <input value={partition} onChange={(e) => { setPartition(e.target.value); reset(); }} inputMode="numeric" className={`${input} w-20`} data-testid="election-partition" aria-label="Partition" />
        )}
        <button type="button" className={button} disabled={!permission.allowed || preview.isPending} onClick={() => { elect.reset(); preview.mutate(scope); }} data-testid="election-preview">
          {preview.isPending ? 'Previewing…' : 'Preview election'}
        </button>
      </div>
      {preview.error && <p className="text-red-700" role="alert" data-testid="election-error">{preview.error.message}</p>}
      {plan && !elect.data && <PlanView plan={plan} />}
      {plan && plan.supported && plan.eligible > 0 && !elect.data && (
        <button
          type="button"
          className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-40"
          disabled={!permission.allowed || elect.isPending}
          onClick={() => elect.mutate(scope)}
          data-testid="election-run"
        >
          {elect.isPending ? 'Electing…' : `Elect ${plan.eligible.toLocaleString('en-US')} preferred leader${plan.eligible === 1 ? '' : 's'}`}
        </button>
      )}
      {elect.error && <p className="text-red-700" role="alert" data-testid="election-run-error">{elect.error.message}</p>}
      {elect.data && <ResultView result={elect.data} />}
    </div>
  );
}

function PlanView({ plan }: { plan: ElectionPreview }) {
  if (!plan.supported) {
    return <p className="text-amber-800" data-testid="election-unsupported">Preferred leader election (ElectLeaders) needs Kafka {plan.needsKafka ?? '2.2'} or newer; this cluster&apos;s brokers do not offer it.</p>;
  }
  if (plan.offPreferred === 0) return <p className="text-slate-600" data-testid="election-nothing">Nothing to elect: every partition in the scope is led by its preferred replica.</p>;
  const blocked = plan.offPreferred - plan.eligible;
  return (
    <div className="space-y-3" data-testid="election-plan" data-eligible={plan.eligible}>
      <p>
        {plan.eligible.toLocaleString('en-US')} of {plan.offPreferred.toLocaleString('en-US')} off-preferred partitions can move to their preferred replica
        {blocked > 0 && `; ${blocked.toLocaleString('en-US')} cannot (the preferred replica is offline or out of sync)`}.
      </p>
      <BrokerLeadersTable brokers={plan.brokers} after="After" />
      <div className="max-h-64 overflow-y-auto">
        <Table testId="election-candidates">
          <THead>
            <Th>Partition</Th>
            <Th align="right">Leader now</Th>
            <Th align="right">Preferred</Th>
            <Th>Election</Th>
          </THead>
          <tbody>
            {plan.candidates.slice(0, CANDIDATES_LISTED).map((c) => (
              <Tr key={`${c.topic}-${c.partition}`}>
                <Td className="font-mono">{c.topic}-{c.partition}</Td>
                <Td align="right">{c.leader}</Td>
                <Td align="right">{c.preferred}</Td>
                <Td>{c.eligible ? <Badge tone="ok">moves to {c.preferred}</Badge> : <span className="text-slate-600">{c.reason}</span>}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </div>
      {plan.offPreferred > Math.min(plan.candidates.length, CANDIDATES_LISTED) && (
        <p className="text-xs text-slate-500">Showing {Math.min(plan.candidates.length, CANDIDATES_LISTED)} of {plan.offPreferred.toLocaleString('en-US')}, movable ones first.</p>
      )}
    </div>
  );
}

function ResultView({ result }: { result: ElectionResult }) {
  return (
    <div className="space-y-2" data-testid="election-result" data-elected={result.elected.length} data-failed={result.failed.length}>
      <p className={result.failed.length ? 'font-medium text-amber-800' : 'font-medium text-emerald-800'}>
        Elected {result.elected.length.toLocaleString('en-US')} preferred leader{result.elected.length === 1 ? '' : 's'}
        {result.notNeeded > 0 && `; ${result.notNeeded.toLocaleString('en-US')} already had theirs`}
        {result.failed.length > 0 && `; ${result.failed.length.toLocaleString('en-US')} failed`}.
      </p>
      {result.failed.slice(0, CANDIDATES_LISTED).map((f) => (
        <p key={`${f.topic}-${f.partition}`} className="text-red-700">{f.topic}-{f.partition}: {f.error}</p>
      ))}
      <BrokerLeadersTable brokers={result.brokers} after={null} />
    </div>
  );
}

function BrokerLeadersTable({ brokers, after }: { brokers: ElectionPreview['brokers']; after: string | null }) {
  return (
    <Table testId="election-brokers">
      <THead>
        <Th>Broker</Th>
        <Th align="right" title="Partitions whose preferred (first) replica is this broker">Preferred share</Th>
        <Th align="right">Leaders{after ? ' now' : ''}</Th>
        {after && <Th align="right">{after}</Th>}
      </THead>
      <tbody>
        {brokers.map((b) => (
          <Tr key={b.id} tone={b.online ? undefined : 'danger'} testId={`election-broker-${b.id}`}>
            <Td>{b.id} {!b.online && <Badge tone="danger">offline</Badge>}</Td>
            <Td align="right"><Count value={b.preferredLeaders} /></Td>
            <Td align="right"><Count value={b.leadersBefore} /></Td>
            {after && (
              <Td align="right" className={b.leadersAfter !== b.leadersBefore ? 'font-semibold text-sky-800' : ''}>
                <Count value={b.leadersAfter} /> {b.leadersAfter !== b.leadersBefore && `(${b.leadersAfter > b.leadersBefore ? '+' : ''}${b.leadersAfter - b.leadersBefore})`}
              </Td>
            )}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
