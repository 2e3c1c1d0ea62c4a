'use client';

import { TableSkeleton } from '@/components/ui/skeleton';
import type { Message } from '@/lib/api/messages';
import type { useBrowse } from '@/lib/queries/messages';
import { ExportMenu } from './export-menu';
import { MessageTable, messageId, toggledSelection } from './message-table';
import type { MessagesParams } from './messages-params';
import { ReadError } from './read-error';

/** A page of messages from the URL's position, with "Load more" following the cursor. */
export function BrowsePanel({ query, topic, params, selection, onSelection, onOpen }: {
  query: ReturnType<typeof useBrowse>;
  topic: string;
  params: MessagesParams;
  selection: Set<string>;
  onSelection: (s: Set<string>) => void;
  onOpen: (m: Message) => void;
}) {
  const messages = query.data?.pages.flatMap((p) => p.messages) ?? [];
  const ranges = query.data?.pages[0]?.partitions ?? [];
  const total = ranges.reduce((n, r) => n + (r.end - r.start), 0);
  const cut = query.data?.pages.at(-1)?.truncated;
  const toggle = (m: Message) => onSelection(toggledSelection(selection, m));
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
        <span data-testid="browse-summary">
          {query.isPending ? 'Reading…' : `${messages.length.toLocaleString('en-US')} shown · ${total.toLocaleString('en-US')} in ${ranges.length} partition${ranges.length === 1 ? '' : 's'}`}
        </span>
        <div className="flex items-center gap-3">
          <button type="button" onClick={() => void query.refetch()} disabled={query.isFetching} className="rounded border border-slate-300 bg-white px-2 py-1 font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50" data-testid="refresh">
            {query.isFetching ? 'Reading…' : 'Refresh'}
          </button>
          <ExportMenu messages={messages} name={`${topic}-messages`} />
        </div>
      </div>
      {query.isPending && <TableSkeleton rows={8} />}
      {query.error && <ReadError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <MessageTable
          messages={messages}
          decoder={params.show}
          selected={selection}
          onToggle={toggle}
          onToggleAll={(all) => onSelection(all ? new Set(messages.map(messageId)) : new Set())}
          onOpen={onOpen}
          empty="No messages here. Try another start point or partitions."
        />
      )}
      {cut && query.hasNextPage && (
        <p className="text-xs text-amber-700" data-testid="browse-truncated">
          This page stopped at {formatMiB(cut.maxBytes)} of messages, the most the server sends at once; load more to continue from there.
        </p>
      )}
      {query.hasNextPage && (
        <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50" data-testid="load-more">
          {query.isFetchingNextPage ? 'Reading…' : `Load ${params.limit.toLocaleString('en-US')} more`}
        </button>
      )}
    </div>
  );
}

const formatMiB = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
