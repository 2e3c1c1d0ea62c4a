import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { CompiledCodec, ResolvedReference } from './types';
import { toJsonSafe } from './json-safe';

// JSON Schema: the record is JSON text. It is checked against the schema (with its references
// added under the names the schema uses for them); a value that does not validate is still
// shown, with the first reason beside it. A schema ajv cannot compile only loses the check.

export function compileJsonSchema(schema: string, references: ResolvedReference[]): CompiledCodec {
  let validate: ValidateFunction | undefined;
  let problem: string | undefined;
  try {
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    for (const ref of references) ajv.addSchema(JSON.parse(ref.schema.schema) as object, ref.name);
    validate = ajv.compile(JSON.parse(schema) as object);
  } catch (error) {
    problem = `the schema could not be compiled for validation: ${error instanceof Error ? error.message : String(error)}`;
  }
  return {
    type: 'JSON',
    decode(body) {
      const value = toJsonSafe(JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')));
      if (problem) return { value, warning: problem };
      if (validate && !validate(value)) {
        const e = validate.errors?.[0];
        return { value, warning: `does not validate against the schema: ${e ? `${e.instancePath || '/'} ${e.message ?? ''}`.trim() : 'invalid'}` };
      }
      return { value };
    },
    validate(value) {
      if (problem || !validate) return [{ path: '', message: problem ?? 'the schema could not be compiled' }];
      if (validate(value)) return [];
      return (validate.errors ?? []).map((e) => {
        const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
        if (e.keyword === 'required') segments.push(String((e.params as { missingProperty?: string }).missingProperty));
        return { path: segments.join('.'), message: e.keyword === 'required' ? 'Required' : (e.message ?? 'invalid') };
      });
    },
    encode: (value) => new Uint8Array(Buffer.from(JSON.stringify(value), 'utf8')),
  };
}
