import { z } from 'zod';
import { configMap, configName } from './topic-admin';

// Changing dynamic broker configs (IncrementalAlterConfigs): for one broker, or the cluster-wide
// default every broker falls back to (kafka-configs.sh --entity-default).

export const brokerConfigScope = z.enum(['broker', 'cluster-default']);
export type BrokerConfigScope = z.infer<typeof brokerConfigScope>;

export const brokerConfigsPatch = z
  .strictObject({
    scope: brokerConfigScope.default('broker'),
    set: configMap.default({}),
    /** Removes the dynamic value at the scope: the broker falls back to the next layer. */
    reset: z.array(configName).max(200).default([]),
    validateOnly: z.boolean().default(false),
  })
  .refine((b) => Object.keys(b.set).length + b.reset.length > 0, { message: 'Nothing to change: give "set" or "reset".', path: ['set'] })
  .refine((b) => !b.reset.some((name) => name in b.set), { message: 'A config cannot be set and reset at once.', path: ['reset'] });
export type BrokerConfigsPatch = z.input<typeof brokerConfigsPatch>;

export const brokerConfigsResult = z.object({
  broker: z.number().int(),
  scope: brokerConfigScope,
  validateOnly: z.boolean(),
  operations: z.array(z.discriminatedUnion('op', [z.object({ name: z.string(), op: z.literal('set'), value: z.string() }), z.object({ name: z.string(), op: z.literal('delete') })])),
});
export type BrokerConfigsResult = z.infer<typeof brokerConfigsResult>;
