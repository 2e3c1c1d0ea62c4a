/** Config types as DescribeConfigs v3+ numbers them. */
export const ConfigType = { UNKNOWN: 0, BOOLEAN: 1, STRING: 2, INT: 3, SHORT: 4, LONG: 5, DOUBLE: 6, LIST: 7, CLASS: 8, PASSWORD: 9 } as const;
export type ConfigTypeValue = (typeof ConfigType)[keyof typeof ConfigType];

/** Where a config value comes from, as DescribeConfigs v1+ numbers them. */
export const ConfigSource = {
  UNKNOWN: 0,
  DYNAMIC_TOPIC_CONFIG: 1,
  DYNAMIC_BROKER_CONFIG: 2,
  DYNAMIC_DEFAULT_BROKER_CONFIG: 3,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
} as const;
export type ConfigSourceValue = (typeof ConfigSource)[keyof typeof ConfigSource];

export type ConfigKind = 'boolean' | 'string' | 'int' | 'short' | 'long' | 'double' | 'list' | 'class' | 'password';

export interface ConfigDef {
  name: string;
  kind: ConfigKind;
  /** Kafka's default as it is printed; null for no default (e.g. passwords). */
  defaultValue: string | null;
  doc: string;
  /** Inclusive numeric bounds, as Kafka's ConfigDef.Range. */
  min?: number;
  max?: number;
  /** Allowed values (every element for lists). */
  validValues?: readonly string[];
  /** For broker configs: can it be changed at run time (AlterConfigs)? */
  dynamic?: boolean;
}

/** A resolved config entry, ready for DescribeConfigs. */
export interface ConfigEntry {
  name: string;
  value: string | null;
  source: ConfigSourceValue;
  readOnly: boolean;
  isSensitive: boolean;
  configType: ConfigTypeValue;
  documentation: string;
  synonyms: { name: string; value: string | null; source: ConfigSourceValue }[];
}

export const kindToType: Record<ConfigKind, ConfigTypeValue> = {
  boolean: ConfigType.BOOLEAN,
  string: ConfigType.STRING,
  int: ConfigType.INT,
  short: ConfigType.SHORT,
  long: ConfigType.LONG,
  double: ConfigType.DOUBLE,
  list: ConfigType.LIST,
  class: ConfigType.CLASS,
  password: ConfigType.PASSWORD,
};
