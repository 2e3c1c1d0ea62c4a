'use client';

import { useState } from 'react';

// Collapsible JSON: objects and arrays fold; deep or large ones start folded so a big value
// opens readable.

const AUTO_OPEN_DEPTH = 2;
const AUTO_OPEN_ENTRIES = 50;
/** A value with fewer nodes than this opens completely. */
const SMALL = 200;

export function JsonTree({ value }: { value: unknown }) {
  const openDepth = countNodes(value, SMALL) < SMALL ? Infinity : AUTO_OPEN_DEPTH;
  return (
    <div className="font-mono text-xs leading-5" data-testid="json-tree">
      <JsonNode value={value} depth={0} openDepth={openDepth} />
    </div>
  );
}

function countNodes(value: unknown, stop: number): number {
  if (value === null || typeof value !== 'object') return 1;
  let n = 1;
  for (const v of Object.values(value)) {
    n += countNodes(v, stop - n);
    if (n >= stop) break;
  }
  return n;
}

function JsonNode({ name, value, depth, openDepth, last = true }: { name?: string; value: unknown; depth: number; openDepth: number; last?: boolean }) {
  const comma = last ? '' : ',';
  const label = name !== undefined ? <span className="text-violet-700">{JSON.stringify(name)}: </span> : null;
  if (value === null || typeof value !== 'object') {
    return (
      <div style={{ paddingLeft: depth * 14 }}>
        {label}
        <Scalar value={value} />
        {comma}
      </div>
    );
  }
  return <Branch label={label} value={value as object} depth={depth} openDepth={openDepth} comma={comma} />;
}

function Branch({ label, value, depth, openDepth, comma }: { label: React.ReactNode; value: object; depth: number; openDepth: number; comma: string }) {
  const isArray = Array.isArray(value);
  const entries = isArray ? (value as unknown[]).map((v, i) => [String(i), v] as const) : Object.entries(value);
  const [open, setOpen] = useState(depth < openDepth && entries.length <= AUTO_OPEN_ENTRIES);
  const [openBracket, closeBracket] = isArray ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return (
      <div style={{ paddingLeft: depth * 14 }}>
        {label}
        {openBracket}
        {closeBracket}
        {comma}
      </div>
    );
  }
  return (
    <div>
      <div style={{ paddingLeft: depth * 14 }}>
        <button type="button" onClick={() => setOpen(!open)} className="mr-1 w-3 text-slate-400 hover:text-slate-700" aria-label={open ? 'Fold' : 'Unfold'} aria-expanded={open}>
          {open ? '▾' : '▸'}
        </button>
        {label}
        {openBracket}
        {!open && (
          <button type="button" onClick={() => setOpen(true)} className="mx-1 rounded bg-slate-100 px-1 text-slate-500 hover:bg-slate-200">
            {entries.length} {isArray ? 'items' : 'keys'}
          </button>
        )}
        {!open && `${closeBracket}${comma}`}
      </div>
      {open && (
        <>
          {entries.map(([k, v], i) => (
            <JsonNode key={k} name={isArray ? undefined : k} value={v} depth={depth + 1} openDepth={openDepth} last={i === entries.length - 1} />
          ))}
          <div style={{ paddingLeft: depth * 14 + 16 }}>
            {closeBracket}
            {comma}
          </div>
        </>
      )}
    </div>
  );
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === 'string') return <span className="break-all text-emerald-700">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="text-sky-700">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="text-amber-700">{String(value)}</span>;
  return <span className="text-slate-400">null</span>;
}
