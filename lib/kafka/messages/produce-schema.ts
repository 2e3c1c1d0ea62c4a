import 'server-only';
import type { ProduceResult } from '@/lib/api/produce';
import { badRequest } from '@/lib/api/errors';
import { getCluster } from '@/lib/kafka/clusters';
import { compileSchema, resolveReferences } from '@/lib/schemas/codecs';
import { registryApiError, registryFor } from '@/lib/schemas/registry-client';
import { writeWireFrame } from '@/lib/schemas/wire-format';
import type { ValidProduceInput } from './produce';

type Used = NonNullable<ProduceResult['schemas']>;

/**
 * The key and value bytes for a produce request that names schemas: each JSON text is validated
 * against the subject version and encoded in the Confluent wire format. Every field problem of
 * both is answered at once as a 400 (`details.fields`, `value.customer.id` → reason), before
 * anything is produced. Without schemas, undefined: the texts are produced as they are.
 */
export async function encodeWithSchemas(clusterId: string, input: ValidProduceInput): Promise<{ key: Buffer | null; value: Buffer | null; schemas: Used } | undefined> {
  if (!input.keySchema && !input.valueSchema) return undefined;
  const registry = registryFor(await getCluster(clusterId));
  if (!registry) throw badRequest('This cluster has no schema registry configured.', { fields: { [input.valueSchema ? 'valueSchema' : 'keySchema']: 'No schema registry is configured for this cluster' } });
  const fields: Record<string, string> = {};
  const schemas: Used = {};
  const encode = async (field: 'key' | 'value'): Promise<Buffer | null> => {
    const text = input[field];
    const choice = input[`${field}Schema`];
    if (!choice || text === null) return text === null ? null : Buffer.from(text, 'utf8');
    try {
      const version = await registry.version(choice.subject, choice.version ?? 'latest');
      const codec = compileSchema(version, await resolveReferences(version, (s, v) => registry.version(s, v)));
      schemas[field] = { subject: version.subject, version: version.version, id: version.id };
      const value: unknown = JSON.parse(text);
      const problems = codec.validate(value);
      for (const p of problems) fields[p.path ? `${field}.${p.path}` : field] ??= p.message;
      if (problems.length > 0) return null;
      const record = codec.encode(value);
      return Buffer.from(writeWireFrame(version.id, record, version.schemaType === 'PROTOBUF' ? [0] : undefined));
    } catch (error) {
      const mapped = registryApiError(error);
      if (mapped) throw mapped;
      // The schema does not compile or the value does not encode: the caller's input, not a fault here.
      fields[field] = error instanceof Error ? error.message : String(error);
      return null;
    }
  };
  const key = await encode('key');
  const value = await encode('value');
  if (Object.keys(fields).length > 0) throw badRequest(`The message does not fit its schema: ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')}`, { fields });
  return { key, value, schemas };
}
