import 'server-only';
import { z } from 'zod';
import { refreshParam, topicNameParam } from '@/lib/api/common';
import type { Action } from '@/lib/auth/access';
import { getCluster } from '@/lib/kafka/clusters';
import { mutation, type MutationContext } from './mutation';
import { parseBody, parseQuery, parseWith, route } from './route';

// Routes under /api/clusters/:cluster/topics/:topic. The topic name is checked before anything
// reaches Kafka, so a malformed name is a 400 rather than a broker error.

type TopicParams = { cluster: string; topic: string };

const refreshQuery = z.object({ refresh: refreshParam });

/** GET of a topic's cached data; `?refresh=1` bypasses the cache. An unknown cluster is a 404 before any fetch. */
export function topicGet(load: (cluster: string, topic: string, refresh: boolean) => Promise<unknown>) {
  return route<TopicParams>('view', async ({ params, request }) => {
    const topic = parseWith(topicNameParam, params.topic);
    const { refresh } = parseQuery(request, refreshQuery);
    await getCluster(params.cluster);
    return load(params.cluster, topic, refresh);
  });
}

interface TopicChange<B, R> {
  /** What the audit log keeps of the request, recorded before the change runs. */
  parameters?: (body: B) => Record<string, unknown>;
  /** The audit action of a validateOnly request, which changes nothing. */
  validateAction?: string;
  /** `audit` lets the change name sensitive configs once it has learnt them from the broker. */
  run: (cluster: string, topic: string, body: B, audit: MutationContext<TopicParams>['audit']) => Promise<R>;
  /** What the audit log adds from the result, once the change succeeded. */
  outcome?: (result: R) => Record<string, unknown>;
}

/** A change to one topic with a JSON body, made through mutation() so it is audited and refused when read-only. */
export function topicMutation<S extends z.ZodType, R>(permission: Action, action: string, input: S, change: TopicChange<z.infer<S>, R>) {
  return mutation<TopicParams>(permission, action, async ({ params, request, audit }) => {
    const topic = parseWith(topicNameParam, params.topic);
    const body = await parseBody(request, input);
    const parameters = change.parameters?.(body);
    if (parameters) audit.parameters = parameters;
    if (change.validateAction && (body as { validateOnly?: boolean }).validateOnly) audit.action = change.validateAction;
    const result = await change.run(params.cluster, topic, body, audit);
    if (parameters && change.outcome) audit.parameters = { ...parameters, ...change.outcome(result) };
    return result;
  });
}
