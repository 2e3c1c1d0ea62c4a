// Protobuf compatibility, a reasonable subset of Confluent's rules: a message type the reader
// lacks, and a field number whose wire type changed. Removing or adding fields is allowed
// (proto3 fields are optional); field types in one compatible group (e.g. int32/int64) may change.
import protobuf from 'protobufjs';
import type { Incompatibility } from './avro';

const GROUPS = [['int32', 'uint32', 'int64', 'uint64', 'bool'], ['sint32', 'sint64'], ['string', 'bytes'], ['fixed32', 'sfixed32'], ['fixed64', 'sfixed64']];
const SCALARS = new Set(GROUPS.flat().concat(['double', 'float']));

function messages(root: protobuf.Root): Map<string, protobuf.Type> {
  const out = new Map<string, protobuf.Type>();
  const walk = (ns: protobuf.NamespaceBase) => {
    for (const nested of ns.nestedArray) {
      if (nested instanceof protobuf.Type) out.set(nested.fullName.replace(/^\./, ''), nested);
      if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) walk(nested);
    }
  };
  walk(root);
  return out;
}

function sameWireKind(a: string, b: string): boolean {
  if (a === b) return true;
  if (!SCALARS.has(a) || !SCALARS.has(b)) return a.split('.').pop() === b.split('.').pop();
  return GROUPS.some((g) => g.includes(a) && g.includes(b));
}

export function protobufIncompatibilities(reader: protobuf.Root, writer: protobuf.Root): Incompatibility[] {
  const out: Incompatibility[] = [];
  const readerTypes = messages(reader);
  for (const [name, w] of messages(writer)) {
    const r = readerTypes.get(name);
    if (!r) {
      out.push({ type: 'MESSAGE_REMOVED', location: `#/${name}`, message: `message ${name} is missing` });
      continue;
    }
    for (const wf of w.fieldsArray) {
      const rf = r.fieldsById[wf.id];
      if (!rf) continue;
      if (rf.map !== wf.map || (rf.repeated !== wf.repeated && !SCALARS.has(wf.type)) || !sameWireKind(rf.type, wf.type)) {
        out.push({ type: 'FIELD_KIND_CHANGED', location: `#/${name}/${wf.id}`, message: `field ${wf.id} changed from ${wf.type} to ${rf.type}` });
      }
    }
  }
  return out;
}
