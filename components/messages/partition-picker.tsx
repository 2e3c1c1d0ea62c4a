'use client';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-sky-500 focus:outline-none';

/** Up to this many partitions are chips; more are typed as a list. */
const MAX_CHIPS = 24;

/**
 * Which partitions to read: "all" or a sorted comma list. Until the partition count is known the
 * chip row is already there (with "All"), so the control never changes kind under the pointer.
 */
export function PartitionPicker({ value, onChange, partitionCount }: { value: string; onChange: (v: string) => void; partitionCount: number | undefined }) {
  if (partitionCount !== undefined && partitionCount > MAX_CHIPS) {
    return <input className={`${input} w-32 font-mono`} value={value} onChange={(e) => onChange(e.target.value.trim() || 'all')} placeholder="all or 0,2,5" aria-label="Partitions" data-testid="partitions-input" />;
  }
  const chosen = value === 'all' ? [] : value.split(',').filter(Boolean).map(Number);
  const toggle = (p: number) => {
    const next = chosen.includes(p) ? chosen.filter((x) => x !== p) : [...chosen, p].sort((a, b) => a - b);
    onChange(next.length === 0 ? 'all' : next.join(','));
  };
  return (
    <div className="flex flex-wrap gap-1" data-testid="partition-picker" data-ready={partitionCount !== undefined}>
      <Chip active={value === 'all'} onClick={() => onChange('all')} testId="partition-all">All</Chip>
      {partitionCount === undefined && <span className="h-7 w-16 animate-pulse rounded bg-slate-100" aria-label="Reading partitions" />}
      {Array.from({ length: partitionCount ?? 0 }, (_, p) => (
        <Chip key={p} active={chosen.includes(p)} onClick={() => toggle(p)} testId={`partition-${p}`}>{p}</Chip>
      ))}
    </div>
  );
}

function Chip({ active, onClick, children, testId }: { active: boolean; onClick: () => void; children: React.ReactNode; testId: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={active}
      data-testid={testId}
      className={`min-w-8 rounded border px-2 py-1 font-mono text-xs ${active ? 'border-sky-600 bg-sky-600 text-white' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}
    >
      {children}
    </button>
  );
}
