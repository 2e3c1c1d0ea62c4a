import { Badge, type Tone } from '@/components/ui/badge';

const tones: Record<string, Tone> = {
  Stable: 'ok',
  Empty: 'neutral',
  PreparingRebalance: 'info',
  CompletingRebalance: 'info',
  Dead: 'danger',
};

const labels: Record<string, string> = { PreparingRebalance: 'Rebalancing', CompletingRebalance: 'Rebalancing' };

export function GroupStateBadge({ state, testId }: { state: string; testId?: string }) {
  return (
    <Badge tone={tones[state] ?? 'neutral'} title={state} testId={testId}>
      {labels[state] ?? (state || 'Unknown')}
    </Badge>
  );
}
