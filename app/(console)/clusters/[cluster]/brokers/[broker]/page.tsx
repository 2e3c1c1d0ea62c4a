import { BrokerDetailView } from '@/components/brokers/broker-detail-view';
import { ErrorState } from '@/components/ui/error-state';
import { ApiError } from '@/lib/api/errors';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export default async function BrokerPage({ params }: { params: Promise<{ cluster: string; broker: string }> }) {
  const { cluster, broker } = await params;
  if (!/^\d+$/.test(broker)) {
    return <ErrorState error={new ApiError(400, 'bad_request', `"${routeParam(broker)}" is not a broker id.`)} />;
  }
  return <BrokerDetailView cluster={routeParam(cluster)} broker={Number(broker)} />;
}
