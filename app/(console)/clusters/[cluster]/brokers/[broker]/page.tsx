import { BrokerDetailView } from '@/components/brokers/broker-detail-view';
import { requireBroker } from '@/lib/server/page-exists';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export default async function BrokerPage({ params }: { params: Promise<{ cluster: string; broker: string }> }) {
  const { cluster, broker } = await params;
  const id = await requireBroker(routeParam(cluster), broker);
  return <BrokerDetailView cluster={routeParam(cluster)} broker={id} />;
}
