import 'server-only';
import { memoryHistorySource } from './memory-source';
import type { HistorySource } from './source';

export type { HistoryRequest, HistoryScope, HistorySource } from './source';

/**
 * Where a cluster's history charts read from. Only the in-memory sampler for now; a cluster with
 * a Prometheus server configured will answer from it here, with the same metric names and units.
 */
export function historySourceFor(cluster: string): HistorySource {
  void cluster;
  return memoryHistorySource;
}
