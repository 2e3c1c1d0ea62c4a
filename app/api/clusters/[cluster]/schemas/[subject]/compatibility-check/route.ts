import 'server-only';
import { MAX_SCHEMA_CHARS, newSchemaInput, subjectParam } from '@/lib/api/schemas';
import { checkSchema } from '@/lib/schemas/browse';
import { parseBody, parseWith, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

// POST /api/clusters/:cluster/schemas/:subject/compatibility-check  body { schemaType, schema, references }
// A check changes nothing, so it is allowed on read-only clusters too (like the reset preview).
export const POST = route<{ cluster: string; subject: string }>('view', async ({ params, request }) => {
  const subject = parseWith(subjectParam, params.subject);
  const body = await parseBody(request, newSchemaInput, { maxBytes: MAX_SCHEMA_CHARS * 4 });
  return checkSchema(params.cluster, subject, body);
});
