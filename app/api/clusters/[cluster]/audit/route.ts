import 'server-only';
import { auditQuery } from '@/lib/api/audit';
import { appConfig, getCluster } from '@/lib/kafka/clusters';
import { readAuditPage } from '@/lib/server/audit-read';
import { parseQuery, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

// GET /api/clusters/:cluster/audit?action&target&outcome&user&from&to&q&cursor&limit — newest first.
export const GET = route<{ cluster: string }>('audit:read', async ({ params, request }) => {
  await getCluster(params.cluster);
  const { cursor, limit, ...filter } = parseQuery(request, auditQuery);
  const { audit } = await appConfig();
  return readAuditPage(audit.file, { ...filter, cluster: params.cluster }, cursor, limit);
});
