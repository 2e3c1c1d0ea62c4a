import type { GroupMember } from '@/lib/api/groups';

/** Members with their client id, host and the partitions they own. */
export function MembersTable({ members }: { members: GroupMember[] }) {
  if (members.length === 0) {
    return <p className="text-sm text-slate-500" data-testid="members-empty">No active members: no consumer is connected to this group.</p>;
  }
  return (
    <table className="w-full text-sm" data-testid="members-table">
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr className="border-b border-slate-200">
          <th className="py-1.5 pr-3 font-medium">Client id</th>
          <th className="py-1.5 pr-3 font-medium">Host</th>
          <th className="py-1.5 pr-3 font-medium">Assignment</th>
          <th className="py-1.5 font-medium">Member id</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.memberId} className="border-b border-slate-100 align-top last:border-0" data-testid={`member-row-${m.clientId}`}>
            <td className="py-1.5 pr-3 font-medium">
              {m.clientId}
              {m.groupInstanceId && <span className="ml-1 text-xs text-slate-500" title="Static member (group.instance.id)">({m.groupInstanceId})</span>}
            </td>
            <td className="py-1.5 pr-3 font-mono text-xs text-slate-600">{m.host}</td>
            <td className="py-1.5 pr-3">
              <Assignment parts={m.assignment} />
            </td>
            <td className="max-w-[16rem] truncate py-1.5 font-mono text-xs text-slate-400" title={m.memberId}>{m.memberId}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Assignment({ parts }: { parts: GroupMember['assignment'] }) {
  if (parts.length === 0) return <span className="text-slate-400">none</span>;
  const byTopic = new Map<string, number[]>();
  for (const p of parts) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition]);
  return (
    <div className="flex flex-wrap gap-1">
      {[...byTopic].map(([topic, partitions]) => (
        <span key={topic} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
          {topic} <span className="tabular-nums text-slate-500">[{partitions.join(', ')}]</span>
        </span>
      ))}
    </div>
  );
}
