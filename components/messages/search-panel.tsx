'use client';

import { ErrorState } from '@/components/ui/error-state';
import type { Message } from '@/lib/messages/api';
import { sortForDisplay } from '@/lib/messages/merge';
import { ExportMenu } from './export-menu';
import { MessageTable, messageId } from './message-table';
import type { MessagesParams } from './messages-params';
import { SearchProgress } from './search-progress';
import type { SearchState } from './use-search-stream';

/** Matches as they stream in, sorted in the chosen order, with progress above them. */
export function SearchPanel({ params, state, onCancel, onContinue, selection, onSelection, onOpen, topic }: {
  params: MessagesParams;
  state: SearchState;
  onCancel: () => void;
  onContinue: (scanCap: number) => void;
  selection: Set<string>;
  onSelection: (s: Set<string>) => void;
  onOpen: (m: Message) => void;
  topic: string;
}) {
  const messages = sortForDisplay([...state.messages], params.order);
  const toggle = (m: Message) => {
    const next = new Set(selection);
    const id = messageId(m);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelection(next);
  };
  return (
    <div className="space-y-2">
      {state.status !== 'idle' && <SearchProgress state={state} scanCap={params.scanCap} onCancel={onCancel} onContinue={onContinue} />}
      {state.status === 'error' && state.error && <ErrorState error={state.error} />}
      <div className="flex justify-end">
        <ExportMenu messages={messages} name={`${topic}-search`} />
      </div>
      <MessageTable
        messages={messages}
        decoder={params.show}
        selected={selection}
        onToggle={toggle}
        onToggleAll={(all) => onSelection(all ? new Set(messages.map(messageId)) : new Set())}
        onOpen={onOpen}
        empty={state.status === 'running' ? 'Searching…' : 'No matches.'}
      />
    </div>
  );
}
