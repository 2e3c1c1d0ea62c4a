'use client';

import { useMemo, useState } from 'react';
import type { ConfigEntry } from '@/lib/api/common';
import { ConfigSourceBadge } from './config-source';
import { ConfigValue } from './config-value';
import { EmptyRow, Table, Td, Th, THead, Tr } from './table';

/** Configs with where each value comes from; values that differ from the default stand out. */
export function ConfigTable({ configs, testId = 'config-table' }: { configs: ConfigEntry[]; testId?: string }) {
  const [filter, setFilter] = useState('');
  const [changedOnly, setChangedOnly] = useState(false);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    // Values someone set come first: they are what differs from a stock cluster.
    return configs
      .filter((c) => (!changedOnly || !c.isDefault) && (!f || c.name.includes(f) || (c.value ?? '').toLowerCase().includes(f)))
      .sort((a, b) => Number(a.isDefault) - Number(b.isDefault) || (a.name < b.name ? -1 : 1));
  }, [configs, filter, changedOnly]);
  const changed = configs.filter((c) => !c.isDefault).length;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <input
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter configs"
          data-testid={`${testId}-filter`}
          data-search
          className="w-64 rounded border border-slate-300 px-2 py-1 text-sm"
        />
        <label className="flex items-center gap-1.5 text-slate-600">
          <input type="checkbox" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} data-testid={`${testId}-changed-only`} />
          Only non-defaults ({changed})
        </label>
      </div>
      <Table testId={testId}>
        <THead>
          <Th>Name</Th>
          <Th>Value</Th>
          <Th>Source</Th>
        </THead>
        <tbody>
          {shown.map((c) => {
            return (
              <Tr key={c.name} testId={`config-row-${c.name}`}>
                <Td className="font-mono text-xs">
                  <span title={c.documentation ?? undefined} className={`${c.documentation ? 'cursor-help underline decoration-slate-300 decoration-dotted underline-offset-2' : ''} ${c.isDefault ? 'text-slate-600' : 'font-semibold text-slate-900'}`}>
                    {c.name}
                  </span>
                </Td>
                <Td className={`max-w-md break-all font-mono text-xs ${c.isDefault ? 'text-slate-500' : 'font-semibold text-slate-900'}`}>
                  {c.sensitive ? <span className="italic text-slate-400">hidden (sensitive)</span> : <ConfigValue name={c.name} value={c.value} />}
                </Td>
                <Td>
                  <ConfigSourceBadge source={c.source} testId={`config-source-${c.name}`} />
                  {c.readOnly && <span className="ml-1 text-xs text-slate-400" title="Cannot be changed at runtime">read-only</span>}
                </Td>
              </Tr>
            );
          })}
          {shown.length === 0 && <EmptyRow colSpan={3}>No config matches.</EmptyRow>}
        </tbody>
      </Table>
    </div>
  );
}
