import type { ReactNode } from 'react';

/** Irreversible actions, set apart in red so they are never clicked on the way to something else. */
export function DangerZone({ children }: { children: ReactNode }) {
  return (
    <section className="rounded-lg border-2 border-red-200 bg-white" data-testid="danger-zone">
      <header className="border-b border-red-100 bg-red-50 px-4 py-2.5">
        <h2 className="text-sm font-semibold text-red-800">Danger zone</h2>
        <p className="text-xs text-red-700">These cannot be undone. Each asks for the topic name, and the server checks it again.</p>
      </header>
      <div className="divide-y divide-red-100">{children}</div>
    </section>
  );
}

export function DangerItem({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="grid gap-3 p-4 md:grid-cols-[12rem_1fr]">
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      <div>{children}</div>
    </div>
  );
}
