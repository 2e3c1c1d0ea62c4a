/**
 * AlterConfigs (key 33), v0-2. Replaces every dynamic config of a resource with the given set
 * (configs not listed return to their defaults), as Kafka's legacy API does. Topic values are
 * validated (INVALID_CONFIG naming the config); broker configs must be dynamic. validateOnly
 * checks without applying.
 */
import { AlterConfigs } from '@/lib/protocol/generated';
import { validateTopicConfigs } from '../config/store';
import { alterResource } from './apply-configs';
import { defineHandler } from './types';

export const alterConfigsHandler = defineHandler({
  codec: AlterConfigs,
  minVersion: 0,
  maxVersion: 2,
  handle({ cluster }, req) {
    return {
      throttleTimeMs: 0,
      responses: req.resources.map((res) =>
        alterResource(cluster, res, req.validateOnly, (target) =>
          target.kind === 'topic'
            ? validateTopicConfigs(res.configs.map((c) => [c.name, c.value]))
            : new Map(res.configs.map((c) => [c.name, cluster.configs.validateBrokerChange(c.name, c.value)] as [string, string | null]).filter((e): e is [string, string] => e[1] !== null)),
        ),
      ),
    };
  },
});
