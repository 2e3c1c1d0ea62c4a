import 'server-only';
import { fieldError } from '@/lib/api/errors';
import { HISTORY_METRICS, HISTORY_RANGE_MS, historyQuery, historyResponse, metricsOfScope, type HistoryResponse, type HistoryScopeKind } from '@/lib/api/history';
import { getCluster } from '@/lib/kafka/clusters';
import { ensureSampler } from '@/lib/kafka/traffic/sampler';
import { historySourceFor, type HistoryScope } from '@/lib/history';
import { parseQuery, route, type RouteContext, type RouteParams } from './route';

// The history routes (cluster, topic, broker, group): `?metrics=a,b&range=1h`, every metric of
// the route's own scope. `resolve` checks that the topic, broker or group exists (404) and names
// the scope; `keep` drops series the caller may not see (a group's line for a hidden topic).

interface HistoryRoute<P extends RouteParams> {
  kind: HistoryScopeKind;
  resolve(ctx: RouteContext<P>): Promise<HistoryScope>;
  keep?(ctx: RouteContext<P>): ((label: string | null) => boolean) | undefined;
}

export function historyRoute<P extends RouteParams & { cluster: string }>(spec: HistoryRoute<P>) {
  return route<P>('view', async (ctx): Promise<HistoryResponse> => {
    const query = parseQuery(ctx.request, historyQuery);
    const foreign = query.metrics.filter((m) => HISTORY_METRICS[m].scope !== spec.kind);
    if (foreign.length) {
      throw fieldError('metrics', `${foreign.join(', ')} ${foreign.length > 1 ? 'are not' : 'is not a'} ${spec.kind} metric${foreign.length > 1 ? 's' : ''}; this route answers ${metricsOfScope(spec.kind).join(', ')}.`);
    }
    await getCluster(ctx.params.cluster);
    // A configured cluster is sampled from the first chart that asks, even before a page read it.
    ensureSampler(ctx.params.cluster);
    const scope = await spec.resolve(ctx);
    const toMs = Date.now();
    const fromMs = toMs - HISTORY_RANGE_MS[query.range];
    const source = historySourceFor(ctx.params.cluster);
    const read = await source.read({ cluster: ctx.params.cluster, scope, metrics: query.metrics, fromMs, toMs });
    const keep = spec.keep?.(ctx);
    return historyResponse.parse({
      range: query.range,
      fromMs,
      toMs,
      stepMs: read.stepMs,
      source: source.name,
      dataSince: read.dataSince,
      series: keep ? read.series.filter((s) => keep(s.label)) : read.series,
    });
  });
}
