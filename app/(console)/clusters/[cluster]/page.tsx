import { OverviewView } from '@/components/overview/overview-view';

export const dynamic = 'force-dynamic';

export default async function OverviewPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  return <OverviewView cluster={decodeURIComponent(cluster)} />;
}
