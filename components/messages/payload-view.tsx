'use client';

import { formatBytesExact } from '@/lib/format/number';
import type { Payload } from '@/lib/api/messages';
import { decodePayload } from '@/lib/messages/decoders';
import { JsonTree } from './json-tree';
import { SchemaNote } from './schema-badge';

/** A key or value in full, decoded by the chosen decoder ("auto" picks per payload). */
export function PayloadView({ payload, decoder, testId }: { payload: Payload | null; decoder: string; testId?: string }) {
  if (payload === null) return <p className="font-mono text-xs italic text-slate-400" data-testid={testId}>null</p>;
  if (payload.size === 0) return <p className="font-mono text-xs italic text-slate-400" data-testid={testId}>empty (0 bytes)</p>;
  const view = decodePayload(payload, decoder);
  return (
    <div data-testid={testId} data-decoder={view.decoder}>
      <SchemaNote payload={payload} />
      {view.kind === 'json' && <JsonTree value={view.value} />}
      {(view.kind === 'text' || view.kind === 'hex' || view.kind === 'base64') && (
        <pre className="max-h-[28rem] overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs leading-5 text-slate-800">{view.text}</pre>
      )}
      {view.kind === 'error' && <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-800">{view.message}</p>}
      {payload.truncated && (
        <p className="mt-1 text-xs text-slate-500">Showing the first part of {formatBytesExact(payload.size)}.</p>
      )}
    </div>
  );
}

/** The whole payload on one line: compact JSON, text, or its bytes in hex. */
export function payloadLine(payload: Payload, decoder: string): string {
  const view = decodePayload(payload, decoder);
  if (view.kind === 'json') return JSON.stringify(view.value);
  if (view.kind === 'error') return payload.encoding === 'utf8' ? payload.data : `base64:${payload.data}`;
  if (view.kind === 'hex') return view.text.split('\n').map((l) => l.slice(10, 49).trim()).join(' ');
  return view.text;
}

/** One line for a table cell, cut at `max` characters. */
export function payloadPreview(payload: Payload | null, decoder: string, max = 160): string {
  if (payload === null) return 'null';
  if (payload.size === 0) return '(empty)';
  const text = payloadLine(payload, decoder);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
