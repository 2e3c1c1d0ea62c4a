import type { Message, Payload } from '@/lib/api/messages';
import type { Term } from '@/lib/messages/highlight';
import { MatchPreview } from './match-preview';
import type { MatchTerms } from './messages-params';

/** At the top of the detail: where each search term occurs, in context, so the reason is on screen first. */
export function MatchSummary({ message, terms, decoder }: { message: Message; terms: MatchTerms; decoder: string }) {
  const parts: { label: string; payload: Payload | null; term?: Term }[] = [
    { label: 'Key', payload: message.key, term: terms.key },
    { label: 'Value', payload: message.value, term: terms.value },
  ];
  const shown = parts.filter((p): p is { label: string; payload: Payload; term: Term } => Boolean(p.term && p.payload));
  if (shown.length === 0) return null;
  return (
    <section className="rounded border border-amber-200 bg-amber-50/60 px-3 py-2" data-testid="detail-match">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Matched</h3>
      {shown.map((p) => (
        <p key={p.label} className="break-all font-mono text-xs text-slate-800">
          <span className="mr-2 font-sans font-medium text-slate-500">{p.label} {p.term.mode} “{p.term.text}”:</span>
          <MatchPreview payload={p.payload} decoder={decoder} term={p.term} max={240} />
        </p>
      ))}
    </section>
  );
}
