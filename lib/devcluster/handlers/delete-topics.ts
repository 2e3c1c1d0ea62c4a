/**
 * DeleteTopics (key 20), v0-6. Deletes topics by name (v0-5 topicNames, v6 topics[].name) or by
 * id (v6 topics[].topicId); logs and on-disk data go with them. Unknown names get
 * UNKNOWN_TOPIC_OR_PARTITION, unknown ids UNKNOWN_TOPIC_ID.
 */
import { ZERO_UUID } from '@/lib/protocol/codec-runtime';
import { DeleteTopics } from '@/lib/protocol/generated';
import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { defineHandler } from './types';

export const deleteTopicsHandler = defineHandler({
  codec: DeleteTopics,
  minVersion: 0,
  maxVersion: 6,
  handle({ cluster }, req, version) {
    const targets = version >= 6 ? (req.topics ?? []) : (req.topicNames ?? []).map((name) => ({ name, topicId: ZERO_UUID }));
    return {
      throttleTimeMs: 0,
      responses: targets.map((t) => {
        const byId = t.name === null || t.name === undefined;
        const topic = byId ? cluster.topicsById.get(t.topicId) : cluster.topics.get(t.name as string);
        if (!topic) {
          return byId
            ? { name: null, topicId: t.topicId, errorCode: ErrorCode.UNKNOWN_TOPIC_ID, errorMessage: 'This server does not host this topic ID.' }
            : { name: t.name, topicId: ZERO_UUID, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: 'This server does not host this topic-partition.' };
        }
        try {
          cluster.deleteTopic(topic.name);
          return { name: topic.name, topicId: topic.topicId, errorCode: ErrorCode.NONE, errorMessage: null };
        } catch (err) {
          if (!(err instanceof KafkaError)) throw err;
          return { name: topic.name, topicId: topic.topicId, errorCode: err.code, errorMessage: err.message };
        }
      }),
    };
  },
});
