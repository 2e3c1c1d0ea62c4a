import { alignedDiff, prettySchema, type DiffRow } from '@/lib/schemas/diff';

const rowTone: Record<DiffRow['kind'], [string, string]> = {
  same: ['', ''],
  changed: ['bg-red-50 text-red-900', 'bg-green-50 text-green-900'],
  removed: ['bg-red-50 text-red-900', 'bg-slate-50'],
  added: ['bg-slate-50', 'bg-green-50 text-green-900'],
};

/** Two schema texts side by side, removed lines in red on the left, added ones in green on the right. */
export function SchemaDiff({ before, after }: { before: string; after: string }) {
  const rows = alignedDiff(prettySchema(before), prettySchema(after));
  const changes = rows.filter((r) => r.kind !== 'same').length;
  return (
    <div data-testid="schema-diff">
      <p className="mb-2 text-xs text-slate-500" data-testid="schema-diff-summary">{changes === 0 ? 'The two versions are identical.' : `${changes} line${changes === 1 ? '' : 's'} differ.`}</p>
      <div className="max-h-[32rem] overflow-auto rounded border border-slate-200 font-mono text-xs">
        <table className="w-full border-collapse">
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} data-kind={row.kind}>
                <td className="w-8 select-none border-r border-slate-100 px-1 text-right text-slate-400">{row.left?.line}</td>
                <td className={`w-1/2 whitespace-pre px-2 ${rowTone[row.kind][0]}`} data-testid={row.kind === 'removed' || row.kind === 'changed' ? 'diff-removed' : undefined}>{row.left?.text}</td>
                <td className="w-8 select-none border-x border-slate-100 px-1 text-right text-slate-400">{row.right?.line}</td>
                <td className={`w-1/2 whitespace-pre px-2 ${rowTone[row.kind][1]}`} data-testid={row.kind === 'added' || row.kind === 'changed' ? 'diff-added' : undefined}>{row.right?.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
