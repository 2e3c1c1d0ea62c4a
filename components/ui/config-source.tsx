import { Badge, type Tone } from './badge';

// Where a config value comes from, named the same way on every page. The broker list reports a
// ConfigSource id; the topic settings report the same thing in words; both end up here.

const sources: Record<string, { label: string; tone: Tone; title: string }> = {
  default: { label: 'Kafka default', tone: 'neutral', title: "Kafka's built-in default" },
  static: { label: 'broker (static)', tone: 'info', title: "Set in the broker's server.properties" },
  'dynamic-broker': { label: 'broker (dynamic)', tone: 'warn', title: 'Set at runtime for this broker' },
  'dynamic-default': { label: 'cluster default', tone: 'warn', title: 'Set at runtime as the default for all brokers' },
  'dynamic-topic': { label: 'topic override', tone: 'info', title: 'Set on this topic' },
  unknown: { label: 'unknown', tone: 'neutral', title: 'The broker did not say' },
};

const aliases: Record<string, string> = {
  topic: 'dynamic-topic',
  broker: 'dynamic-broker',
  'cluster default': 'dynamic-default',
  'broker (static)': 'static',
  'Kafka default': 'default',
};

export function ConfigSourceBadge({ source, testId }: { source: string; testId?: string }) {
  const s = sources[aliases[source] ?? source] ?? sources.unknown;
  return <Badge tone={s.tone} title={s.title} testId={testId}>{s.label}</Badge>;
}
