import type { ReactNode } from 'react';

// Dense, readable tables: small uppercase headers, right-aligned tabular numbers, hover rows.

export function Table({ children, testId, className = '' }: { children: ReactNode; testId?: string; className?: string }) {
  return (
    <div className={`overflow-x-auto ${className}`}>
      <table className="w-full border-collapse text-sm" data-testid={testId}>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="sticky top-0 z-10 bg-white text-xs uppercase tracking-wide text-slate-500">
      <tr className="border-b border-slate-200">{children}</tr>
    </thead>
  );
}

export function Th({ children, align = 'left', title, className = '' }: {
  children?: ReactNode;
  align?: 'left' | 'right';
  title?: string;
  className?: string;
}) {
  return (
    <th title={title} className={`whitespace-nowrap px-3 py-2 font-medium ${align === 'right' ? 'text-right' : 'text-left'} ${className}`}>
      {children}
    </th>
  );
}

export function Td({ children, align = 'left', className = '', title }: {
  children?: ReactNode;
  align?: 'left' | 'right';
  className?: string;
  title?: string;
}) {
  return (
    <td title={title} className={`px-3 py-1.5 ${align === 'right' ? 'text-right tabular-nums' : ''} ${className}`}>
      {children}
    </td>
  );
}

/** A row that tints itself when it carries a problem, so problems stand out in a long list. */
export function Tr({ children, tone, testId }: { children: ReactNode; tone?: 'danger' | 'warn'; testId?: string }) {
  const tint = tone === 'danger' ? 'bg-red-50/70 hover:bg-red-50' : tone === 'warn' ? 'bg-amber-50/60 hover:bg-amber-50' : 'hover:bg-slate-50';
  return (
    <tr className={`border-b border-slate-100 last:border-0 ${tint}`} data-testid={testId} data-tone={tone ?? 'ok'}>
      {children}
    </tr>
  );
}

export function EmptyRow({ colSpan, children, testId }: { colSpan: number; children: ReactNode; testId?: string }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-3 py-6 text-center text-sm text-slate-500" data-testid={testId}>
        {children}
      </td>
    </tr>
  );
}
