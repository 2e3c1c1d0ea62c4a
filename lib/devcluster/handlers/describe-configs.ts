/**
 * DescribeConfigs (key 32), v0-4. Topic (2) and broker (4; "" = the cluster-wide dynamic defaults that are set)
 * resources. Each entry has its value, source (v1+; v0 isDefault), readOnly, isSensitive
 * (passwords have a null value), synonyms in Kafka's precedence order (v1+, when asked),
 * config type and documentation (v3+). Requested keys that do not exist are left out.
 */
import { DescribeConfigs } from '@/lib/protocol/generated';
import { ConfigSource } from '../config/types';
import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { resolveResource } from './config-resources';
import { defineHandler } from './types';

export const describeConfigsHandler = defineHandler({
  codec: DescribeConfigs,
  minVersion: 0,
  maxVersion: 4,
  handle({ cluster, broker }, req, version) {
    return {
      throttleTimeMs: 0,
      results: req.resources.map((res) => {
        try {
          const target = resolveResource(cluster, res.resourceType, res.resourceName);
          const keys = res.configurationKeys && res.configurationKeys.length > 0 ? res.configurationKeys : null;
          const entries =
            target.kind === 'topic'
              ? cluster.configs.describeTopic(broker.nodeId, cluster.topics.get(target.name)!.configs, keys)
              : target.brokerId === null
                ? cluster.configs.describeBroker(broker.nodeId, keys, true).filter((e) => e.source === ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG)
                : cluster.configs.describeBroker(target.brokerId, keys, false);
          return {
            errorCode: ErrorCode.NONE,
            errorMessage: null,
            resourceType: res.resourceType,
            resourceName: res.resourceName,
            configs: entries.map((e) => ({
              name: e.name,
              value: e.value,
              readOnly: e.readOnly,
              isDefault: e.source === ConfigSource.DEFAULT_CONFIG,
              configSource: e.source,
              isSensitive: e.isSensitive,
              synonyms: req.includeSynonyms ? e.synonyms : [],
              configType: e.configType,
              documentation: version >= 3 && req.includeDocumentation ? e.documentation : null,
            })),
          };
        } catch (err) {
          if (!(err instanceof KafkaError)) throw err;
          return { errorCode: err.code, errorMessage: err.message, resourceType: res.resourceType, resourceName: res.resourceName, configs: [] };
        }
      }),
    };
  },
});
