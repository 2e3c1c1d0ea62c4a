import type { HistoryMetric, HistoryResponse, HistorySeries } from '@/lib/api/history';

// What a history source (the in-memory sampler, or Prometheus when PROMETHEUS_URL is set) answers.

export type HistoryScope =
  | { kind: 'cluster' }
  | { kind: 'topic'; topic: string }
  | { kind: 'broker'; broker: number }
  | { kind: 'group'; group: string };

export interface HistoryRequest {
  cluster: string;
  scope: HistoryScope;
  metrics: HistoryMetric[];
  fromMs: number;
  toMs: number;
}

export interface HistorySource {
  readonly name: HistoryResponse['source'];
  read(request: HistoryRequest): Promise<{ stepMs: number; dataSince: number | null; series: HistorySeries[] }>;
}
