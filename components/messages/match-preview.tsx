import type { Payload } from '@/lib/api/messages';
import { excerpt, findMatch, type Term } from '@/lib/messages/highlight';
import { payloadLine } from './payload-view';

/**
 * A key or value on one line, showing the part around the search term with the term marked.
 * The server matched the raw text; when the decoded form (reformatted JSON) no longer holds the
 * term, the raw text is shown instead, so the reason for the match is always on screen.
 */
export function MatchPreview({ payload, decoder, term, max, fit = max }: { payload: Payload; decoder: string; term?: Term; max: number; fit?: number }) {
  let text = payloadLine(payload, decoder);
  let span = findMatch(text, term);
  if (!span && term && payload.encoding === 'utf8') {
    const raw = findMatch(payload.data, term);
    if (raw) [text, span] = [payload.data, raw];
  }
  return <Highlighted text={text} span={span} max={max} fit={fit} />;
}

/** `fit`: how many characters the place shows; a match within them keeps the text's start. */
export function Highlighted({ text, span, max, fit = max }: { text: string; span: ReturnType<typeof findMatch>; max: number; fit?: number }) {
  const e = excerpt(text, span, max, fit);
  return (
    <>
      {e.cutStart && <span className="text-slate-400">…</span>}
      {e.before}
      {span && <mark className="whitespace-nowrap rounded-sm bg-amber-200 px-0.5 text-slate-900" data-testid="match-highlight">{e.match}</mark>}
      {e.after}
      {e.cutEnd && <span className="text-slate-400">…</span>}
    </>
  );
}
