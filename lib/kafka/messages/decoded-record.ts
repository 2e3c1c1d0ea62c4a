import type { Masker, RawHeader } from '@/lib/messages/masking';
import type { DecodedPayload, SchemaDecoding } from '@/lib/schemas/decode';

// A record's key and value as the user may see them: wire-format parts decoded with their
// schema, then masked. Masking works on JSON bytes, so a decoded part is masked in its JSON
// form and from then on stands in for the stored bytes: nothing sent or searched derives from
// the raw bytes of a masked, decoded part.

export interface PartView {
  /** What is sent as the payload's data and what searches test (JSON text once decoded and masked). */
  bytes: Buffer | null;
  decoded?: DecodedPayload;
  /** `bytes` is the decoded JSON (masked), not the stored bytes. */
  fromDecoded?: boolean;
}

export interface RecordView {
  key: PartView;
  value: PartView;
  headers: RawHeader[];
}

export function viewRecord(key: Buffer | null, value: Buffer | null, headers: RawHeader[], schemas?: SchemaDecoding, masker?: Masker): RecordView {
  const dk = schemas?.decode(key);
  const dv = schemas?.decode(value);
  if (!masker) return { key: { bytes: key, decoded: dk }, value: { bytes: value, decoded: dv }, headers };
  const m = masker.apply({ key: asJson(key, dk), value: asJson(value, dv), headers });
  return { key: afterMasking(m.key, dk), value: afterMasking(m.value, dv), headers: m.headers };
}

function asJson(bytes: Buffer | null, d: DecodedPayload | undefined): Buffer | null {
  return d && 'value' in d ? Buffer.from(JSON.stringify(d.value), 'utf8') : bytes;
}

function afterMasking(bytes: Buffer | null, d: DecodedPayload | undefined): PartView {
  if (!d || !('value' in d)) return { bytes, decoded: d };
  if (bytes === null) return { bytes };
  try {
    return { bytes, decoded: { ...d, value: JSON.parse(bytes.toString('utf8')) }, fromDecoded: true };
  } catch {
    // The whole part was masked or hashed: its text is all there is to show.
    return { bytes, decoded: { schema: d.schema, schemaError: 'the decoded value is masked' }, fromDecoded: true };
  }
}

/** The decoded JSON as text, for searches: the bytes when there is no decoded value. */
export function searchableBytes(part: PartView): Buffer | null {
  if (part.fromDecoded || !part.decoded || !('value' in part.decoded)) return part.bytes;
  return Buffer.from(JSON.stringify(part.decoded.value), 'utf8');
}
