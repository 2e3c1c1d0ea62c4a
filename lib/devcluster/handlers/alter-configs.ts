/**
 * AlterConfigs (key 33), v0-2. Replaces every dynamic config of a resource with the given set
 * (configs not listed return to their defaults), as Kafka's legacy API does. Topic values are
 * validated (INVALID_CONFIG naming the config); broker configs must be dynamic. validateOnly
 * checks without applying.
 */
import { AlterConfigs } from '@/lib/protocol/generated';
import { validateTopicConfigs } from '../config/store';
import { ErrorCode, KafkaError } from '../errors';
import { applyConfigs } from './apply-configs';
import { resolveResource } from './config-resources';
import { defineHandler } from './types';

export const alterConfigsHandler = defineHandler({
  codec: AlterConfigs,
  minVersion: 0,
  maxVersion: 2,
  handle({ cluster }, req) {
    return {
      throttleTimeMs: 0,
      responses: req.resources.map((res) => {
        const done = (errorCode: number, errorMessage: string | null) => ({ errorCode, errorMessage, resourceType: res.resourceType, resourceName: res.resourceName });
        try {
          const target = resolveResource(cluster, res.resourceType, res.resourceName);
          const names = res.configs.map((c) => c.name);
          const dup = names.find((n, i) => names.indexOf(n) !== i);
          if (dup) throw new KafkaError(ErrorCode.INVALID_REQUEST, `Error due to duplicate config keys: ${dup}`);
          const next =
            target.kind === 'topic'
              ? validateTopicConfigs(res.configs.map((c) => [c.name, c.value]))
              : new Map(res.configs.map((c) => [c.name, cluster.configs.validateBrokerChange(c.name, c.value)] as [string, string | null]).filter((e): e is [string, string] => e[1] !== null));
          if (!req.validateOnly) applyConfigs(cluster, target, next);
          return done(ErrorCode.NONE, null);
        } catch (err) {
          if (!(err instanceof KafkaError)) throw err;
          return done(err.code, err.message);
        }
      }),
    };
  },
});
