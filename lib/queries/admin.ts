import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { apiFetch, apiPost } from '@/lib/api/fetcher';
import type {
  AddPartitionsInput,
  AddPartitionsResult,
  AlterConfigsResult,
  CreateTopicInput,
  CreateTopicResult,
  PatchConfigsInput,
  PurgeRecordsInput,
  PurgeRecordsResult,
  TopicFormContext,
} from '@/lib/api/topic-admin';
import { clusterKeys, useCluster } from './clusters';
import { TOPIC_FORM_STALE_MS } from './constants';
import { groupKeys } from './groups';
import { historyKeys } from './history';
import { invalidateAfterDelete } from './invalidate';
import { messageKeys } from './messages';
import { topicKeys } from './topics';

// Topic administration: the form context, the mutations, and whether the cluster accepts
// changes at all. Every mutation invalidates the cluster's whole key tree: topics, configs,
// offsets and the overview all move when a topic is created, changed or deleted.

const clusterBase = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}`;
const topicBase = (cluster: string, topic: string) => `${clusterBase(cluster)}/topics/${encodeURIComponent(topic)}`;

export const adminKeys = {
  form: (cluster: string, topic?: string) => [...clusterKeys.detail(cluster), 'admin', 'topic-form', topic ?? null] as const,
};

export const topicFormQuery = (cluster: string, topic?: string) =>
  queryOptions({
    queryKey: adminKeys.form(cluster, topic),
    queryFn: () =>
      apiFetch<TopicFormContext>(`${clusterBase(cluster)}/admin/topic-form${topic ? `?topic=${encodeURIComponent(topic)}` : ''}`),
    staleTime: TOPIC_FORM_STALE_MS,
  });

export const useTopicFormContext = (cluster: string, topic?: string) => useQuery(topicFormQuery(cluster, topic));

/**
 * Whether actions that change the cluster must be hidden or disabled. Until the cluster's
 * settings are known the answer is "read-only": a button never flashes enabled on a locked cluster.
 */
const noSubscription = () => () => undefined;

export function useReadOnly(cluster: string): { readOnly: boolean; loading: boolean; reason: string } {
  const { data, isPending } = useCluster(cluster);
  // The server renders actions as disabled (it does not know yet), and so must the hydrating
  // render: React does not patch an attribute that differs between the server HTML and
  // hydration, so a button enabled then would keep the server's `disabled` for good.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  return {
    readOnly: !hydrated || !data || data.readOnly,
    loading: isPending,
    reason: data?.readOnly ? 'This cluster is read-only in this console: changes are disabled.' : 'Loading cluster settings…',
  };
}

function useClusterMutation<TVars, TResult>(cluster: string, run: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (_result, vars) => {
      if ((vars as { validateOnly?: boolean }).validateOnly) return;
      void client.invalidateQueries({ queryKey: clusterKeys.detail(cluster) });
    },
  });
}

export const useCreateTopic = (cluster: string) =>
  useClusterMutation(cluster, (body: CreateTopicInput) => apiPost<CreateTopicResult>(`${clusterBase(cluster)}/topics`, body));

export const usePatchConfigs = (cluster: string, topic: string) =>
  useClusterMutation(cluster, (body: PatchConfigsInput) => apiPost<AlterConfigsResult>(`${topicBase(cluster, topic)}/configs`, body, 'PATCH'));

export const useAddPartitions = (cluster: string, topic: string) =>
  useClusterMutation(cluster, (body: AddPartitionsInput) => apiPost<AddPartitionsResult>(`${topicBase(cluster, topic)}/partitions`, body));

export const usePurgeRecords = (cluster: string, topic: string) =>
  useClusterMutation(cluster, (body: PurgeRecordsInput) => apiPost<PurgeRecordsResult>(`${topicBase(cluster, topic)}/records`, body, 'DELETE'));

export function useDeleteTopic(cluster: string, topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { confirm: string }) => apiPost<{ topic: string; deleted: true }>(topicBase(cluster, topic), body, 'DELETE'),
    onSuccess: () =>
      invalidateAfterDelete(client, cluster, [
        topicKeys.detail(cluster, topic),
        topicKeys.configs(cluster, topic),
        adminKeys.form(cluster, topic),
        messageKeys.topic(cluster, topic),
        groupKeys.topicConsumers(cluster, topic),
        historyKeys.scope(cluster, { kind: 'topic', topic }),
      ]),
  });
}
