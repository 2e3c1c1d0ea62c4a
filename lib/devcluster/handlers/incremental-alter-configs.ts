/**
 * IncrementalAlterConfigs (key 44), v0-1. Per config: SET (0), DELETE (1, back to the default),
 * APPEND (2) and SUBTRACT (3), the last two only for list configs, starting from the current
 * value (or the default). The result is validated as a whole (INVALID_CONFIG naming the config);
 * validateOnly checks without applying.
 */
import { IncrementalAlterConfigs } from '@/lib/protocol/generated';
import { brokerConfigByName } from '../config/broker-configs';
import { validateTopicConfigs } from '../config/store';
import { topicConfigByName } from '../config/topic-configs';
import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { alterResource, currentConfigs } from './apply-configs';
import { defineHandler } from './types';

const SET = 0;
const DELETE = 1;
const APPEND = 2;
const SUBTRACT = 3;

export const incrementalAlterConfigsHandler = defineHandler({
  codec: IncrementalAlterConfigs,
  minVersion: 0,
  maxVersion: 1,
  handle({ cluster, broker }, req) {
    return {
      throttleTimeMs: 0,
      responses: req.resources.map((res) =>
        alterResource(cluster, res, req.validateOnly, (target) => {
          const next = currentConfigs(cluster, target);
          for (const c of res.configs) {
            const def = target.kind === 'topic' ? topicConfigByName.get(c.name) : brokerConfigByName.get(c.name);
            if (!def) throw new KafkaError(ErrorCode.INVALID_CONFIG, `Unknown ${target.kind} config name: ${c.name}`);
            if (c.configOperation === SET) {
              if (c.value === null) throw new KafkaError(ErrorCode.INVALID_REQUEST, `Null value not supported for : ${c.name}`);
              next.set(c.name, c.value);
            } else if (c.configOperation === DELETE) {
              next.delete(c.name);
            } else if (c.configOperation === APPEND || c.configOperation === SUBTRACT) {
              if (def.kind !== 'list') {
                throw new KafkaError(ErrorCode.INVALID_CONFIG, `Config value ${c.configOperation === APPEND ? 'append' : 'subtract'} is not allowed for config key: ${c.name}`);
              }
              const currentValue =
                next.get(c.name) ??
                (target.kind === 'topic' ? cluster.configs.topicValue(broker.nodeId, new Map(), c.name) : cluster.configs.brokerValue(target.brokerId ?? broker.nodeId, c.name)) ??
                '';
              const items = currentValue.split(',').map((s) => s.trim()).filter(Boolean);
              const given = (c.value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
              const result = c.configOperation === APPEND ? [...items, ...given.filter((g) => !items.includes(g))] : items.filter((i) => !given.includes(i));
              next.set(c.name, result.join(','));
            } else {
              throw new KafkaError(ErrorCode.INVALID_REQUEST, `Unknown config operation ${c.configOperation} for ${c.name}`);
            }
          }
          return target.kind === 'topic'
            ? validateTopicConfigs(next)
            : new Map([...next].map(([k, v]) => [k, cluster.configs.validateBrokerChange(k, v) as string]));
        }),
      ),
    };
  },
});
