import { SubjectsView } from '@/components/schemas/subjects-view';
import { requireCluster } from '@/lib/server/page-exists';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export default async function SchemasPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  await requireCluster(routeParam(cluster));
  return <SubjectsView cluster={routeParam(cluster)} />;
}
