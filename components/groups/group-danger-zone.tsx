'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { GroupDetail } from '@/lib/api/groups';
import { useDeleteGroup, useDeleteGroupOffsets } from '@/lib/queries/groups';

/**
 * Deleting a group or one topic's committed offsets. Both ask to type the name first and send what
 * was typed: the server deletes only if it matches.
 */
export function GroupDangerZone({ cluster, group, deniedReason }: { cluster: string; group: GroupDetail; deniedReason: string | null }) {
  const router = useRouter();
  const topics = [...new Set(group.partitions.filter((p) => p.committed !== null).map((p) => p.topic))].sort();
  const [chosen, setChosen] = useState(topics[0] ?? '');
  // A topic whose offsets were just deleted leaves the list; fall back to one that is still there.
  const topic = topics.includes(chosen) ? chosen : (topics[0] ?? '');
  const [typedTopic, setTypedTopic] = useState('');
  const [typedGroup, setTypedGroup] = useState('');
  const deleteGroup = useDeleteGroup(cluster, group.groupId);
  const deleteOffsets = useDeleteGroupOffsets(cluster, group.groupId);
  const button = 'rounded border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-40';
  const input = 'w-64 rounded border border-slate-300 px-2 py-1 font-mono';
  const disabledReason = deniedReason;

  return (
    <div className="space-y-4 text-sm" data-testid="danger-zone">
      {disabledReason && <p className="text-slate-600">{disabledReason}</p>}
      <div className="flex flex-wrap items-center gap-2">
        <span className="w-52 text-slate-700">Delete committed offsets of topic</span>
        <select
          value={topic}
          onChange={(e) => {
            setChosen(e.target.value);
            setTypedTopic('');
          }}
          className="rounded border border-slate-300 px-2 py-1"
          data-testid="delete-offsets-topic"
          disabled={topics.length === 0}
          aria-label="Topic whose committed offsets to delete"
        >
          {topics.length === 0 && <option value="">no committed offsets</option>}
          {topics.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
        <input value={typedTopic} onChange={(e) => setTypedTopic(e.target.value)} placeholder="type the topic name" aria-label="Type the topic name to confirm"
          autoComplete="off" spellCheck={false} disabled={!topic || Boolean(disabledReason)} className={input} data-testid="delete-offsets-confirm-input" />
        <button type="button" className={button} disabled={!topic || typedTopic !== topic || Boolean(disabledReason) || deleteOffsets.isPending}
          onClick={() => deleteOffsets.mutate({ topic, confirm: typedTopic }, { onSuccess: () => setTypedTopic('') })}
          data-testid="delete-offsets">
          Delete offsets
        </button>
        {deleteOffsets.error && <span className="text-red-700" data-testid="delete-offsets-error">{deleteOffsets.error.message}</span>}
        {deleteOffsets.data && <span className="text-emerald-700" data-testid="delete-offsets-result">Deleted offsets of {deleteOffsets.data.partitions.length} partitions of {deleteOffsets.data.topic}.</span>}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span className="w-52 text-slate-700">Delete the group</span>
        <input value={typedGroup} onChange={(e) => setTypedGroup(e.target.value)} placeholder="type the group id" aria-label="Type the group id to confirm"
          autoComplete="off" spellCheck={false} disabled={Boolean(disabledReason)} className={input} data-testid="delete-group-confirm-input" />
        <button type="button" className={button} disabled={typedGroup !== group.groupId || Boolean(disabledReason) || deleteGroup.isPending}
          onClick={() => deleteGroup.mutate(typedGroup, { onSuccess: () => router.push(`/clusters/${encodeURIComponent(cluster)}/groups`) })}
          data-testid="delete-group">
          Delete group
        </button>
        {deleteGroup.error && <span className="text-red-700" data-testid="delete-group-error">{deleteGroup.error.message}</span>}
      </div>
      <p className="text-xs text-slate-500">Kafka only allows both while the group has no active members (and, for one topic, while no member subscribes to it).</p>
    </div>
  );
}
