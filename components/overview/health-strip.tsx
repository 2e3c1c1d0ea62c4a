import Link from 'next/link';
import type { HealthCheck } from '@/lib/api/overview';

const style = {
  ok: { box: 'border-emerald-200 bg-emerald-50 text-emerald-800', dot: 'bg-emerald-500', icon: '✓' },
  warn: { box: 'border-amber-300 bg-amber-50 text-amber-900', dot: 'bg-amber-500', icon: '!' },
  danger: { box: 'border-red-300 bg-red-50 text-red-800', dot: 'bg-red-600', icon: '✕' },
};

/** Health checks, problems first; each one links to the page that shows the problem. */
export function HealthStrip({ cluster, checks }: { cluster: string; checks: HealthCheck[] }) {
  const order = { danger: 0, warn: 1, ok: 2 };
  const sorted = [...checks].sort((a, b) => order[a.severity] - order[b.severity]);
  const base = `/clusters/${encodeURIComponent(cluster)}`;
  return (
    <ul className="flex flex-wrap gap-2" data-testid="health-strip">
      {sorted.map((c) => {
        const s = style[c.severity];
        return (
          <li key={c.id}>
            <Link
              href={base + c.href}
              title={c.detail}
              data-testid={`health-${c.id}`}
              data-severity={c.severity}
              className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm font-medium hover:brightness-95 ${s.box}`}
            >
              <span aria-hidden className={`inline-flex h-4 w-4 items-center justify-center rounded-full text-[10px] font-bold text-white ${s.dot}`}>
                {s.icon}
              </span>
              {c.title}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
