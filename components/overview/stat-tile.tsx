import Link from 'next/link';
import type { ReactNode } from 'react';

export type StatTone = 'ok' | 'warn' | 'danger' | 'neutral';

const toneClass: Record<StatTone, string> = {
  neutral: 'border-slate-200 bg-white',
  ok: 'border-slate-200 bg-white',
  warn: 'border-amber-300 bg-amber-50',
  danger: 'border-red-300 bg-red-50',
};
const valueClass: Record<StatTone, string> = {
  neutral: 'text-slate-900',
  ok: 'text-emerald-700',
  warn: 'text-amber-800',
  danger: 'text-red-700',
};

/** One number that matters, with a hint below it; links to the page that explains it. */
export function StatTile({ label, value, hint, tone = 'neutral', href, testId, title }: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: StatTone;
  href?: string;
  testId?: string;
  title?: string;
}) {
  const body = (
    <>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className={`mt-1 text-2xl font-semibold tabular-nums ${valueClass[tone]}`} data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </p>
      {hint && <p className="mt-0.5 truncate text-xs text-slate-500">{hint}</p>}
    </>
  );
  const className = `block rounded-lg border px-4 py-3 shadow-sm ${toneClass[tone]}`;
  return href ? (
    <Link href={href} className={`${className} hover:border-sky-400`} data-testid={testId} data-tone={tone} title={title}>
      {body}
    </Link>
  ) : (
    <div className={className} data-testid={testId} data-tone={tone} title={title}>
      {body}
    </div>
  );
}
