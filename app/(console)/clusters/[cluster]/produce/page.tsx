import { ProduceView } from '@/components/messages/produce-view';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export default async function ProducePage({ params, searchParams }: {
  params: Promise<{ cluster: string }>;
  searchParams: Promise<{ topic?: string }>;
}) {
  const { cluster } = await params;
  const { topic } = await searchParams;
  return <ProduceView cluster={routeParam(cluster)} initialTopic={topic} />;
}
