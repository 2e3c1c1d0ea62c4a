import 'server-only';
import { setCompatibilityInput, subjectParam } from '@/lib/api/schemas';
import { isRegistryStatus, requireRegistry } from '@/lib/schemas/browse';
import { mutation } from '@/lib/server/mutation';
import { parseBody, parseWith } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

// PUT /api/clusters/:cluster/schemas/:subject/config  body { compatibility: "<level>" | null }
// null returns the subject to the registry's global level.
export const PUT = mutation<{ cluster: string; subject: string }>('schemas:edit', 'schema.compatibility.set', async ({ params, request, audit }) => {
  const subject = parseWith(subjectParam, params.subject);
  audit.target = subject;
  const { compatibility } = await parseBody(request, setCompatibilityInput);
  audit.parameters = { compatibility };
  const registry = await requireRegistry(params.cluster);
  if (compatibility === null) await registry.clearCompatibility(subject).catch((error: unknown) => {
      // A subject without a level of its own is already at the global one.
      if (!isRegistryStatus(error, 404)) throw error;
    });
  else await registry.setCompatibility(compatibility, subject);
  return { subject, compatibility: { level: await registry.compatibility(subject), own: compatibility !== null } };
});
