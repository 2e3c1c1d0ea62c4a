import 'server-only';
import { listSubjects } from '@/lib/schemas/browse';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

// GET /api/clusters/:cluster/schemas — the registry's subjects with their latest version.
export const GET = route<{ cluster: string }>('view', async ({ params, principal }) => listSubjects(params.cluster, principal.access));
