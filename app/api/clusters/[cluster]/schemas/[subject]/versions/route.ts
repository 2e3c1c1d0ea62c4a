import 'server-only';
import { MAX_SCHEMA_CHARS, newSchemaInput, subjectParam } from '@/lib/api/schemas';
import { registerSchema } from '@/lib/schemas/browse';
import { mutation } from '@/lib/server/mutation';
import { parseBody, parseWith } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

// POST /api/clusters/:cluster/schemas/:subject/versions  body { schemaType, schema, references }
// Checks compatibility first: an incompatible schema is a 409 with the registry's reasons.
export const POST = mutation<{ cluster: string; subject: string }>('schemas:edit', 'schema.register', async ({ params, request, audit }) => {
  const subject = parseWith(subjectParam, params.subject);
  audit.target = subject;
  const body = await parseBody(request, newSchemaInput, { maxBytes: MAX_SCHEMA_CHARS * 4 });
  audit.parameters = { schemaType: body.schemaType, references: body.references };
  const result = await registerSchema(params.cluster, subject, body);
  audit.parameters = { schemaType: body.schemaType, references: body.references, id: result.id, version: result.version };
  return result;
});
