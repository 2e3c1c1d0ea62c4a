import { QuorumView } from '@/components/quorum/quorum-view';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export default async function QuorumPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  return <QuorumView cluster={routeParam(cluster)} />;
}
