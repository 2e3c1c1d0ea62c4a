import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';
import type { ConfigDef } from './types';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MIN = -9223372036854775808n;
const LONG_MAX = 9223372036854775807n;

function invalid(def: ConfigDef, value: string, why: string): KafkaError {
  return new KafkaError(ErrorCode.INVALID_CONFIG, `Invalid value ${value} for configuration ${def.name}: ${why}`);
}

function checkRange(def: ConfigDef, value: string, n: number | bigint): void {
  if (def.min !== undefined && n < def.min) throw invalid(def, value, `Value must be at least ${def.min}`);
  if (def.max !== undefined && n > def.max) throw invalid(def, value, `Value must be no more than ${def.max}`);
}

/** Checks a value against a definition the way Kafka's ConfigDef does; returns the normalised string. */
export function validateConfigValue(def: ConfigDef, raw: string | null): string {
  if (raw === null) throw invalid(def, 'null', 'Value must not be null');
  const value = raw.trim();
  switch (def.kind) {
    case 'boolean': {
      const v = value.toLowerCase();
      if (v !== 'true' && v !== 'false') throw invalid(def, raw, 'Expected value to be either true or false');
      return v;
    }
    case 'int':
    case 'short': {
      if (!/^-?\d+$/.test(value)) throw invalid(def, raw, `Not a number of type ${def.kind.toUpperCase()}`);
      const n = Number(value);
      const [lo, hi] = def.kind === 'short' ? [-32768, 32767] : [INT_MIN, INT_MAX];
      if (n < lo || n > hi) throw invalid(def, raw, `Not a number of type ${def.kind.toUpperCase()}`);
      checkRange(def, raw, n);
      return String(n);
    }
    case 'long': {
      if (!/^-?\d+$/.test(value)) throw invalid(def, raw, 'Not a number of type LONG');
      const n = BigInt(value);
      if (n < LONG_MIN || n > LONG_MAX) throw invalid(def, raw, 'Not a number of type LONG');
      checkRange(def, raw, n);
      return n.toString();
    }
    case 'double': {
      const n = Number(value);
      if (value === '' || !Number.isFinite(n)) throw invalid(def, raw, 'Not a number of type DOUBLE');
      checkRange(def, raw, n);
      return String(n);
    }
    case 'list': {
      const items = value === '' ? [] : value.split(',').map((s) => s.trim());
      if (def.validValues) {
        for (const item of items) {
          if (!def.validValues.includes(item)) {
            throw invalid(def, raw, `String must be one of: ${def.validValues.join(', ')}`);
          }
        }
        if (items.length === 0) throw invalid(def, raw, 'Empty list not allowed');
      }
      return items.join(',');
    }
    default:
      if (def.validValues && !def.validValues.includes(value)) {
        throw invalid(def, raw, `String must be one of: ${def.validValues.join(', ')}`);
      }
      return value;
  }
}
