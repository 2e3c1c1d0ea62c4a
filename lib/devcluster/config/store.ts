import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { brokerConfigByName, brokerConfigDefs } from './broker-configs';
import { topicConfigByName, topicConfigDefs, type TopicConfigDef } from './topic-configs';
import { ConfigSource, kindToType, type ConfigDef, type ConfigEntry, type ConfigSourceValue } from './types';
import { validateConfigValue } from './validate';

type Synonym = ConfigEntry['synonyms'][number];

/** Values that follow from how a broker runs rather than from a config file. */
export type BrokerFacts = (brokerId: number) => Record<string, string | null>;

/**
 * Broker config layers as Kafka has them: static (startup), dynamic cluster-wide default,
 * dynamic per broker. Topic overrides live with each topic and are passed in.
 */
export class ConfigStore {
  readonly staticConfigs = new Map<string, string>();
  readonly dynamicDefault = new Map<string, string>();
  readonly dynamicPerBroker = new Map<number, Map<string, string>>();
  /** Bumped on every change so topics can cache their resolved settings. */
  version = 0;

  constructor(
    staticConfigs: Record<string, string>,
    private readonly facts: BrokerFacts,
  ) {
    for (const [name, value] of Object.entries(staticConfigs)) {
      const d = brokerConfigByName.get(name);
      if (!d) throw new KafkaError(ErrorCode.INVALID_CONFIG, `Unknown broker configuration ${name}`);
      this.staticConfigs.set(name, validateConfigValue(d, value));
    }
  }

  /** The broker-level layers for one name, most specific first. */
  private brokerLayers(brokerId: number, name: string): Synonym[] {
    const out: Synonym[] = [];
    const per = this.dynamicPerBroker.get(brokerId)?.get(name);
    if (per !== undefined) out.push({ name, value: per, source: ConfigSource.DYNAMIC_BROKER_CONFIG });
    const dd = this.dynamicDefault.get(name);
    if (dd !== undefined) out.push({ name, value: dd, source: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG });
    const fact = this.facts(brokerId)[name];
    if (fact !== undefined) out.push({ name, value: fact, source: ConfigSource.STATIC_BROKER_CONFIG });
    const st = this.staticConfigs.get(name);
    if (st !== undefined) out.push({ name, value: st, source: ConfigSource.STATIC_BROKER_CONFIG });
    return out;
  }

  /** Effective value of a broker config, or null when unset with no default. */
  brokerValue(brokerId: number, name: string): string | null {
    const layers = this.brokerLayers(brokerId, name);
    if (layers.length > 0) return layers[0].value;
    return brokerConfigByName.get(name)?.defaultValue ?? null;
  }

  /** Synonym chain of a topic config (without the topic override), Kafka's precedence order. */
  private topicSynonyms(brokerId: number, d: TopicConfigDef): Synonym[] {
    const out: Synonym[] = [];
    for (const s of d.brokerSynonyms) {
      for (const layer of this.brokerLayers(brokerId, s.name)) {
        out.push({ name: s.name, value: scale(layer.value, s.factor), source: layer.source });
      }
    }
    const last = d.brokerSynonyms[d.brokerSynonyms.length - 1];
    const brokerDefault = last ? brokerConfigByName.get(last.name)?.defaultValue : null;
    if (last && brokerDefault != null) out.push({ name: last.name, value: brokerDefault, source: ConfigSource.DEFAULT_CONFIG });
    return out;
  }

  /** Resolved value of a topic config given the topic's overrides. */
  topicValue(brokerId: number, overrides: ReadonlyMap<string, string>, name: string): string {
    const over = overrides.get(name);
    if (over !== undefined) return over;
    const d = topicConfigByName.get(name);
    if (!d) throw new Error(`unknown topic config ${name}`);
    const syn = this.topicSynonyms(brokerId, d).find((s) => s.source !== ConfigSource.DEFAULT_CONFIG);
    return syn ? String(syn.value) : (d.defaultValue as string);
  }

  describeTopic(brokerId: number, overrides: ReadonlyMap<string, string>, names: string[] | null): ConfigEntry[] {
    const defs = names === null ? topicConfigDefs : names.map((n) => topicConfigByName.get(n)).filter((d) => d !== undefined);
    return defs.map((d) => {
      const synonyms = this.topicSynonyms(brokerId, d);
      const over = overrides.get(d.name);
      if (over !== undefined) synonyms.unshift({ name: d.name, value: over, source: ConfigSource.DYNAMIC_TOPIC_CONFIG });
      const first = synonyms.find((s) => s.source !== ConfigSource.DEFAULT_CONFIG);
      const value = first ? first.value : d.defaultValue;
      const source: ConfigSourceValue = first ? first.source : ConfigSource.DEFAULT_CONFIG;
      return entry(d, value, source, false, synonyms);
    });
  }

  describeBroker(brokerId: number, names: string[] | null, defaultsOnly: boolean): ConfigEntry[] {
    const defs = names === null ? brokerConfigDefs : names.map((n) => brokerConfigByName.get(n)).filter((d) => d !== undefined);
    return defs.map((d) => {
      let synonyms = this.brokerLayers(brokerId, d.name);
      if (defaultsOnly) synonyms = synonyms.filter((s) => s.source === ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG);
      if (d.defaultValue !== null) synonyms.push({ name: d.name, value: d.defaultValue, source: ConfigSource.DEFAULT_CONFIG });
      const first = synonyms[0];
      const value = first ? first.value : null;
      const source: ConfigSourceValue = first ? first.source : ConfigSource.DEFAULT_CONFIG;
      return entry(d, value, source, !d.dynamic, synonyms);
    });
  }

  /** Validates a broker config change; throws the Kafka error Kafka would answer with. */
  validateBrokerChange(name: string, value: string | null): string | null {
    const d = brokerConfigByName.get(name);
    if (!d) throw new KafkaError(ErrorCode.INVALID_CONFIG, `Unknown broker configuration ${name}`);
    if (!d.dynamic) throw new KafkaError(ErrorCode.INVALID_REQUEST, `Cannot update these configs dynamically: Set(${name})`);
    return value === null ? null : validateConfigValue(d, value);
  }

  /** Replaces the dynamic configs of one broker (or the cluster default when brokerId is null). */
  setDynamic(brokerId: number | null, configs: Map<string, string>): void {
    if (brokerId === null) {
      this.dynamicDefault.clear();
      for (const [k, v] of configs) this.dynamicDefault.set(k, v);
    } else {
      this.dynamicPerBroker.set(brokerId, new Map(configs));
    }
    this.version++;
  }

  dynamicConfigs(brokerId: number | null): Map<string, string> {
    return new Map(brokerId === null ? this.dynamicDefault : (this.dynamicPerBroker.get(brokerId) ?? []));
  }
}

function scale(value: string | null, factor: number): string | null {
  if (value === null || factor === 1) return value;
  return (BigInt(value) * BigInt(factor)).toString();
}

function entry(d: ConfigDef, value: string | null, source: ConfigSourceValue, readOnly: boolean, synonyms: Synonym[]): ConfigEntry {
  const sensitive = d.kind === 'password';
  return {
    name: d.name,
    value: sensitive ? null : value,
    source,
    readOnly,
    isSensitive: sensitive,
    configType: kindToType[d.kind],
    documentation: d.doc,
    synonyms: sensitive ? synonyms.map((s) => ({ ...s, value: null })) : synonyms,
  };
}

/** Validates topic config overrides; unknown names and bad values fail with INVALID_CONFIG naming the config. */
export function validateTopicConfigs(configs: Iterable<[string, string | null]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of configs) {
    const d = topicConfigByName.get(name);
    if (!d) throw new KafkaError(ErrorCode.INVALID_CONFIG, `Unknown topic config name: ${name}`);
    out.set(name, validateConfigValue(d, value));
  }
  return out;
}
