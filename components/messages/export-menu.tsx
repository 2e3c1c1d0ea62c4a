'use client';

import type { Message } from '@/lib/api/messages';
import { exportMessages, type ExportFormat } from '@/lib/messages/export';

/** Downloads the messages on screen as JSON Lines or CSV. */
export function ExportMenu({ messages, name }: { messages: Message[]; name: string }) {
  const save = (format: ExportFormat) => {
    const { body, mime, extension } = exportMessages(messages, format);
    const url = URL.createObjectURL(new Blob([body], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name}.${extension}`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const disabled = messages.length === 0;
  const button = 'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50';
  return (
    <div className="flex items-center gap-1.5 text-xs text-slate-500">
      Export {messages.length.toLocaleString('en-US')}:
      <button type="button" className={button} disabled={disabled} onClick={() => save('jsonl')} data-testid="export-jsonl">JSON Lines</button>
      <button type="button" className={button} disabled={disabled} onClick={() => save('csv')} data-testid="export-csv">CSV</button>
    </div>
  );
}
