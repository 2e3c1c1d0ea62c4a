import { ClusterList } from '@/components/clusters/cluster-list';

export const dynamic = 'force-dynamic';

export default function HomePage() {
  return (
    <main className="mx-auto max-w-5xl p-8">
      <ClusterList />
    </main>
  );
}
