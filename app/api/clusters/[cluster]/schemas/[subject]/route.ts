import 'server-only';
import { deleteSchemaInput, deleteSubjectQuery, subjectParam, subjectQuery } from '@/lib/api/schemas';
import { assertConfirmed, requireRegistry, subjectDetail } from '@/lib/schemas/browse';
import { mutation } from '@/lib/server/mutation';
import { parseBody, parseQuery, parseWith, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

type Params = { cluster: string; subject: string };

// GET /api/clusters/:cluster/schemas/:subject[?deleted=true]
export const GET = route<Params>('view', async ({ params, request, principal }) => {
  const subject = parseWith(subjectParam, params.subject);
  const { deleted } = parseQuery(request, subjectQuery);
  return subjectDetail(params.cluster, subject, deleted, principal.access);
});

// DELETE /api/clusters/:cluster/schemas/:subject[?permanent=true]  body { confirm: "<subject>" }
export const DELETE = mutation<Params>('schemas:edit', 'schema.subject.delete', async ({ params, request, audit }) => {
  const subject = parseWith(subjectParam, params.subject);
  const { permanent } = parseQuery(request, deleteSubjectQuery);
  audit.target = subject;
  audit.parameters = { permanent };
  const { confirm } = await parseBody(request, deleteSchemaInput);
  assertConfirmed(subject, confirm);
  const registry = await requireRegistry(params.cluster);
  const versions = await registry.deleteSubject(subject, permanent);
  return { subject, versions, permanent };
});
