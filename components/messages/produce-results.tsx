import Link from 'next/link';
import type { ProduceResult } from '@/lib/api/produce';

/** The last messages produced, newest first, each linking to where it landed. */
export function ProduceResults({ cluster, results }: { cluster: string; results: ProduceResult[] }) {
  if (results.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm" data-testid="produce-results">
      {results.map((r, i) => (
        <li key={`${r.partition}-${r.offset}`} className={`rounded px-3 py-1.5 ${i === 0 ? 'bg-emerald-50 text-emerald-900' : 'text-slate-600'}`} data-testid={i === 0 ? 'produce-result' : undefined}>
          Produced to <span className="font-mono">{r.topic}</span> partition <span className="font-mono" data-testid={i === 0 ? 'produce-result-partition' : undefined}>{r.partition}</span> at offset{' '}
          <span className="font-mono" data-testid={i === 0 ? 'produce-result-offset' : undefined}>{r.offset}</span> ({r.size} bytes).{' '}
          {r.schemas?.value && <span data-testid={i === 0 ? 'produce-result-schema' : undefined}>Value schema {r.schemas.value.subject} v{r.schemas.value.version} (id {r.schemas.value.id}).{' '}</span>}
          {r.schemas?.key && <span>Key schema {r.schemas.key.subject} v{r.schemas.key.version} (id {r.schemas.key.id}).{' '}</span>}
          <Link className="text-sky-700 hover:underline" href={`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(r.topic)}/messages?partitions=${r.partition}&start=offset&offset=${r.offset}&order=asc&limit=1`}>
            View
          </Link>
        </li>
      ))}
    </ul>
  );
}
