import { topicNameParam } from '@/lib/api/common';
import { getTopicMeta } from '@/lib/kafka/metadata';
import { historyRoute } from '@/lib/server/history-route';
import { parseWith } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

// GET /api/clusters/:cluster/topics/:topic/history?metrics=topic.produce-rate&range=1h
export const GET = historyRoute<{ cluster: string; topic: string }>({
  kind: 'topic',
  resolve: async ({ params }) => {
    const topic = parseWith(topicNameParam, params.topic);
    await getTopicMeta(params.cluster, topic);
    return { kind: 'topic', topic };
  },
});
