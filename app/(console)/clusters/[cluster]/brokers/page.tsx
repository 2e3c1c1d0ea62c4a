import { BrokersView } from '@/components/brokers/brokers-view';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export default async function BrokersPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  return <BrokersView cluster={routeParam(cluster)} />;
}
