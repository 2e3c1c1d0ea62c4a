import type { Health, HealthStatus } from '@/lib/api/groups';
import { Badge, type Tone } from '@/components/ui/badge';

const tones: Record<HealthStatus, Tone> = { OK: 'ok', WARN: 'warn', STALL: 'danger', STOP: 'danger' };
const dots: Record<HealthStatus, string> = {
  OK: 'bg-emerald-500',
  WARN: 'bg-amber-500',
  STALL: 'bg-red-500',
  STOP: 'bg-red-700',
};

/** Burrow-style verdict; the reason is the tooltip, or printed next to it with `showReason`. */
export function HealthBadge({ health, showReason = false, testId }: { health: Health; showReason?: boolean; testId?: string }) {
  return (
    <span className="inline-flex min-w-0 items-center gap-2">
      <Badge tone={tones[health.status]} title={health.reason} testId={testId}>
        <span className={`h-1.5 w-1.5 rounded-full ${dots[health.status]}`} aria-hidden />
        {health.status}
      </Badge>
      {showReason && <span className="text-sm text-slate-600" data-testid={testId ? `${testId}-reason` : undefined}>{health.reason}</span>}
    </span>
  );
}
