import { ClusterList } from '@/components/clusters/cluster-list';
import { UserMenu } from '@/components/layout/user-menu';

export const dynamic = 'force-dynamic';

export default function HomePage() {
  return (
    <main className="mx-auto max-w-5xl p-8">
      <div className="mb-2 flex justify-end rounded bg-slate-900 py-2">
        <UserMenu />
      </div>
      <ClusterList />
    </main>
  );
}
