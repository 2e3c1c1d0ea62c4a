'use client';

import type { SubjectDetail } from '@/lib/api/schemas';
import type { Permission } from '@/lib/queries/auth';
import { useSetCompatibility } from '@/lib/queries/schemas';
import { COMPATIBILITY_LEVELS, type CompatibilityLevel } from '@/lib/schemas/types';

const GLOBAL = '';

/** The subject's compatibility level, its own or the registry's global one, changeable with schemas:edit. */
export function CompatibilityControl({ cluster, subject, compatibility, permission }: {
  cluster: string;
  subject: string;
  compatibility: SubjectDetail['compatibility'];
  permission: Permission;
}) {
  const set = useSetCompatibility(cluster, subject);
  return (
    <div className="space-y-1 text-sm">
      <label className="flex flex-wrap items-center gap-2">
        <span className="text-slate-600">Compatibility</span>
        <select
          value={compatibility.own ? compatibility.level : GLOBAL}
          disabled={!permission.allowed || set.isPending}
          title={permission.allowed ? undefined : permission.reason}
          onChange={(e) => set.mutate(e.target.value === GLOBAL ? null : (e.target.value as CompatibilityLevel))}
          data-testid="compatibility-select"
          className="max-w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm disabled:opacity-60"
        >
          <option value={GLOBAL}>{compatibility.own ? 'Registry default' : `Registry default (${compatibility.level})`}</option>
          {COMPATIBILITY_LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
      </label>
      {set.error && <p role="alert" className="text-red-700">{set.error.message}</p>}
    </div>
  );
}
