'use client';

import { useState } from 'react';
import type { Permission } from '@/lib/queries/auth';
import { useDeleteVersion } from '@/lib/queries/schemas';

/** Deletes one version (soft, or permanent once soft-deleted), with the subject's name typed. */
export function DeleteVersion({ cluster, subject, version, deleted, permission }: {
  cluster: string;
  subject: string;
  version: number;
  deleted: boolean;
  permission: Permission;
}) {
  const [confirm, setConfirm] = useState('');
  const del = useDeleteVersion(cluster, subject);
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3 text-sm" data-testid="delete-version">
      <input
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        placeholder={`Type ${subject} to delete v${version}`}
        disabled={!permission.allowed}
        aria-label={`Confirm deleting version ${version}`}
        className="w-72 rounded border border-slate-300 bg-white px-2 py-1 text-sm"
      />
      <button
        type="button"
        disabled={!permission.allowed || confirm !== subject || del.isPending}
        title={permission.allowed ? undefined : permission.reason}
        onClick={() => del.mutate({ version, confirm, permanent: deleted })}
        className="rounded border border-red-300 bg-white px-2.5 py-1 font-medium text-red-700 hover:bg-red-50 disabled:opacity-50"
      >
        {deleted ? `Delete v${version} permanently` : `Soft delete v${version}`}
      </button>
      {del.error && <p role="alert" className="w-full text-red-700">{del.error.message}</p>}
    </div>
  );
}
