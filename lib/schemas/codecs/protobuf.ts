import protobuf from 'protobufjs';
import type { CompiledCodec, FieldProblem, ResolvedReference } from './types';
import { toJsonSafe } from './json-safe';

// Protobuf through protobufjs. The schema and its references (imports, by the name the import
// uses) are parsed into one root; Google's well-known types come from protobufjs itself. The
// message type is picked by the wire frame's message indexes: the first is the position of a
// top-level message in the schema file, each next one a nested message in declaration order.
// Values follow toObject with longs, enums and bytes as strings, defaults and the oneof names.

const TO_OBJECT: protobuf.IConversionOptions = { longs: String, enums: String, bytes: String, defaults: true, oneofs: true };

export function compileProtobuf(schema: string, references: ResolvedReference[]): { codec: (indexes: number[]) => CompiledCodec; root: protobuf.Root } {
  const root = new protobuf.Root();
  const parsed = new Set<string>();
  const addWellKnown = (imports: string[] | undefined) => {
    for (const name of imports ?? []) {
      const common = (protobuf.common as unknown as Record<string, protobuf.INamespace | undefined>)[name];
      if (common && !parsed.has(name)) {
        parsed.add(name);
        root.addJSON(common.nested ?? {});
      }
    }
  };
  for (const ref of references) {
    if (parsed.has(ref.name)) continue;
    parsed.add(ref.name);
    addWellKnown(protobuf.parse(ref.schema.schema, root, { keepCase: true }).imports);
  }
  const main = protobuf.parse(schema, root, { keepCase: true });
  addWellKnown(main.imports);
  root.resolveAll();
  // The file's own declaration order, from a parse of it alone (the shared root mixes files).
  const alone = protobuf.parse(schema, { keepCase: true });
  const top = main.package ? alone.root.lookup(main.package) : alone.root;
  const byIndexes = new Map<string, CompiledCodec>();
  return {
    root,
    codec(indexes) {
      const key = indexes.join(',');
      let codec = byIndexes.get(key);
      if (!codec) {
        const type = root.lookupType(typeAt(top as protobuf.Namespace, indexes));
        codec = {
          type: 'PROTOBUF',
          decode: (body) => ({ value: toJsonSafe(type.toObject(type.decode(body), TO_OBJECT)) }),
          validate: (value) => verifyProblems(type, value),
          encode: (value) => type.encode(type.fromObject(value as Record<string, unknown>)).finish(),
        };
        if (byIndexes.size < 100) byIndexes.set(key, codec);
      }
      return codec;
    },
  };
}

/** The full name of the message type the indexes point at. */
function typeAt(ns: protobuf.Namespace | null, indexes: number[]): string {
  let current: protobuf.NamespaceBase | null = ns;
  let found: protobuf.Type | undefined;
  for (const i of indexes) {
    const messages: protobuf.Type[] = (current?.nestedArray ?? []).filter((n): n is protobuf.Type => n instanceof protobuf.Type);
    found = messages[i];
    if (!found) throw new Error(`the schema has no message type at index path [${indexes.join(', ')}]`);
    current = found;
  }
  if (!found) throw new Error('the message indexes are empty');
  return found.fullName.replace(/^\./, '');
}

/**
 * protobufjs's verify reports the first problem only, as "customer.id: string expected". It
 * checks the message form, so the readable forms decode writes (int64 as digit strings, enums
 * by name) are accepted here: fromObject converts them when encoding.
 */
function verifyProblems(type: protobuf.Type, value: unknown): FieldProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ path: '', message: 'Expected a JSON object' }];
  const error = type.verify(value as Record<string, unknown>);
  if (!error) return [];
  const match = /^([\w.[\]]+): (.*)$/.exec(error);
  const path = match ? match[1].replace(/\[(\w+)\]/g, '.$1') : '';
  const message = match ? match[2] : error;
  const raw = path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
  const readable = typeof raw === 'string' && ((/Long expected/.test(message) && /^-?\d+$/.test(raw)) || /enum value expected/.test(message));
  return readable ? [] : [{ path, message }];
}
