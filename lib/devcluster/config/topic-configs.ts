import { topicConfigCatalog } from '@/lib/topics/config-catalog';
import type { ConfigDef } from './types';

/**
 * A topic config and the broker configs that supply its default, in Kafka's precedence order.
 * `factor` converts the broker value into the topic's unit (log.retention.hours -> ms).
 */
export interface TopicConfigDef extends ConfigDef {
  brokerSynonyms: { name: string; factor: number }[];
}

/**
 * Kafka 3.x topic-level configs with their real defaults, types and bounds, from the console's
 * topic-config catalogue; configs Kafka deprecated for others are not offered.
 */
export const topicConfigDefs: readonly TopicConfigDef[] = topicConfigCatalog
  .filter((i) => !i.replacedBy)
  .map((i) => ({
    name: i.name,
    kind: i.kind,
    defaultValue: i.defaultValue,
    doc: i.doc,
    ...(i.min !== undefined && { min: i.min }),
    ...(i.max !== undefined && { max: i.max }),
    ...(i.validValues && { validValues: i.validValues }),
    brokerSynonyms: (i.brokerSynonyms ?? []).map(([name, factor]) => ({ name, factor })),
  }));

export const topicConfigByName: ReadonlyMap<string, TopicConfigDef> = new Map(topicConfigDefs.map((d) => [d.name, d]));
