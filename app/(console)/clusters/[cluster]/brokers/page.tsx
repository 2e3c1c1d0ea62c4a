import { BrokersView } from '@/components/brokers/brokers-view';

export const dynamic = 'force-dynamic';

export default async function BrokersPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  return <BrokersView cluster={decodeURIComponent(cluster)} />;
}
