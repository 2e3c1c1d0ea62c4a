import type { MessageHeader, Payload } from '@/lib/api/messages';
import { decodePayload } from '@/lib/messages/decoders';
import { findMatch, type Term } from '@/lib/messages/highlight';
import { CopyButton } from './copy-button';
import { Highlighted } from './match-preview';

/** A message's headers in order, each with its value decoded and a copy button. */
export function DetailHeaders({ headers, decoder, term }: { headers: MessageHeader[]; decoder: string; term?: Term }) {
  return (
    <section>
      <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">Headers ({headers.length})</h3>
      {headers.length === 0 ? (
        <p className="text-xs text-slate-400">No headers.</p>
      ) : (
        <table className="w-full text-xs" data-testid="detail-headers">
          <tbody>
            {headers.map((h, i) => {
              const text = h.value === null ? null : headerText(h.value, decoder);
              return (
                <tr key={`${h.key}-${i}`} className="border-b border-slate-100 align-top last:border-0">
                  <td className="w-48 py-1 pr-3 font-mono font-medium text-slate-700">{h.key}</td>
                  <td className="py-1 font-mono break-all text-slate-800">
                    {text === null ? <span className="italic text-slate-400">null</span> : <Highlighted text={text} span={findMatch(text, term)} max={text.length} />}
                  </td>
                  <td className="w-14 py-1 text-right">{h.value && <CopyButton text={h.value.data} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function headerText(p: Payload, decoder: string): string {
  const view = decodePayload(p, decoder);
  if (view.kind === 'json') return JSON.stringify(view.value);
  if (view.kind === 'error') return p.data;
  return view.text;
}
