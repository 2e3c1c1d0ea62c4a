/**
 * The Kafka message definitions in lib/protocol/schemas/ (JSON with // comments), as the
 * generator reads them and as the codec tests read them to build samples of their own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SCHEMA_DIR = path.resolve(import.meta.dirname, '../lib/protocol/schemas');

export interface FieldSpec {
  name: string;
  type: string;
  versions?: string;
  nullableVersions?: string;
  taggedVersions?: string;
  tag?: number;
  default?: string | number | boolean;
  flexibleVersions?: string;
  about?: string;
  fields?: FieldSpec[];
}

export interface MessageSpec {
  apiKey?: number;
  type: string;
  name: string;
  validVersions: string;
  flexibleVersions: string;
  fields: FieldSpec[];
  commonStructs?: { name: string; versions?: string; fields: FieldSpec[] }[];
}

/** Removes // comments outside string literals (the schema files are JSON with comments). */
function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else {
      out += c;
    }
  }
  return out;
}

/** Reads `${name}.json`, e.g. "FetchRequest" or "RequestHeader". */
export function loadSchema(name: string, dir = SCHEMA_DIR): MessageSpec {
  const text = readFileSync(path.join(dir, `${name}.json`), 'utf8');
  return JSON.parse(stripJsonComments(text)) as MessageSpec;
}
