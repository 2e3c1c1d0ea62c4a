'use client';

import type { Message } from '@/lib/api/messages';
import { readingDirection } from '@/lib/messages/cursor';
import { sortForDisplay } from '@/lib/messages/merge';
import { ExportMenu } from './export-menu';
import { MessageTable, messageId, toggledSelection } from './message-table';
import { matchTerms, type MessagesParams } from './messages-params';
import { ReadError } from './read-error';
import { SearchProgress } from './search-progress';
import type { SearchState } from '@/lib/queries/use-search-stream';

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
  // Refused before it started (bad input): there is no progress to show.
  const refused = state.status === 'error' && state.error?.isClientError && !state.progress;
  const toggle = (m: Message) => onSelection(toggledSelection(selection, m));
  return (
    <div className="space-y-2">
      {state.status !== 'idle' && !refused && <SearchProgress state={state} scanCap={params.scanCap} limit={params.limit} direction={readingDirection(params.start, params.order)} onCancel={onCancel} onContinue={onContinue} />}
      {state.status === 'error' && state.error && <ReadError error={state.error} />}
      <div className="flex justify-end">
        <ExportMenu messages={messages} name={`${topic}-search`} />
      </div>
      <MessageTable
        messages={messages}
        decoder={params.show}
        terms={matchTerms(params)}
        selected={selection}
        onToggle={toggle}
        onToggleAll={(all) => onSelection(all ? new Set(messages.map(messageId)) : new Set())}
        onOpen={onOpen}
        empty={state.status === 'running' ? 'Searching…' : 'No matches.'}
      />
    </div>
  );
}
