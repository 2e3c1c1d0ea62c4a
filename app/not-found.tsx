import Link from 'next/link';

// Any address the console has no page for, and a cluster that is not configured (HTTP 404).
export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-8" data-testid="not-found">
      <h1 className="text-xl font-semibold text-slate-900">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">There is no such page, or no cluster by that name is configured.</p>
      <Link href="/" data-testid="not-found-back" className="mt-4 inline-block text-sm font-medium text-sky-700 hover:underline">
        ← All clusters
      </Link>
    </main>
  );
}
