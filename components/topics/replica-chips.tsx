/** Replica broker ids: the leader marked, out-of-sync replicas amber, offline replicas red. */
export function ReplicaChips({ replicas, isr, leader, offline, testId }: {
  replicas: number[];
  isr: number[];
  leader: number | null;
  offline: number[];
  testId?: string;
}) {
  return (
    <span className="inline-flex flex-wrap gap-1" data-testid={testId}>
      {replicas.map((id) => {
        const down = offline.includes(id);
        const inSync = isr.includes(id);
        const state = down ? 'offline' : inSync ? 'in-sync' : 'out-of-sync';
        const style = down
          ? 'bg-red-100 text-red-800 ring-red-300 line-through'
          : inSync
            ? 'bg-slate-100 text-slate-700 ring-slate-200'
            : 'bg-amber-100 text-amber-900 ring-amber-300';
        const title = `Broker ${id}${id === leader ? ' (leader)' : ''}: ${down ? 'offline' : inSync ? 'in sync' : 'not in sync (missing from the ISR)'}`;
        return (
          <span
            key={id}
            title={title}
            data-state={state}
            data-testid={testId ? `${testId}-${id}` : undefined}
            className={`inline-flex min-w-6 justify-center rounded px-1.5 py-0.5 text-xs tabular-nums ring-1 ring-inset ${style} ${id === leader ? 'font-bold underline decoration-2 underline-offset-2' : ''}`}
          >
            {id}
          </span>
        );
      })}
    </span>
  );
}
