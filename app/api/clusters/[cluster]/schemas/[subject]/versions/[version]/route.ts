import 'server-only';
import { deleteSchemaInput, deleteSubjectQuery, subjectParam, versionParam } from '@/lib/api/schemas';
import { assertConfirmed, requireRegistry } from '@/lib/schemas/browse';
import { mutation } from '@/lib/server/mutation';
import { parseBody, parseQuery, parseWith } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

// DELETE /api/clusters/:cluster/schemas/:subject/versions/:version[?permanent=true]  body { confirm: "<subject>" }
export const DELETE = mutation<{ cluster: string; subject: string; version: string }>('schemas:edit', 'schema.version.delete', async ({ params, request, audit }) => {
  const subject = parseWith(subjectParam, params.subject);
  const version = parseWith(versionParam, params.version);
  const { permanent } = parseQuery(request, deleteSubjectQuery);
  audit.target = subject;
  audit.parameters = { version, permanent };
  const { confirm } = await parseBody(request, deleteSchemaInput);
  assertConfirmed(subject, confirm);
  const registry = await requireRegistry(params.cluster);
  const deleted = await registry.deleteVersion(subject, version, permanent);
  return { subject, versions: [deleted], permanent };
});
