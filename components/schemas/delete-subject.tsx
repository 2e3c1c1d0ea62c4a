'use client';

import { useState } from 'react';
import type { Permission } from '@/lib/queries/auth';
import { useDeleteSubject } from '@/lib/queries/schemas';

/**
 * Soft delete (the versions stay readable as deleted), then, for a soft-deleted subject only as
 * the registry requires, permanent delete. Either needs the subject's name typed.
 */
export function DeleteSubject({ cluster, subject, softDeleted, permission, onDeleted }: {
  cluster: string;
  subject: string;
  softDeleted: boolean;
  permission: Permission;
  onDeleted: (permanent: boolean) => void;
}) {
  const [confirm, setConfirm] = useState('');
  const del = useDeleteSubject(cluster, subject);
  const permanent = softDeleted;
  const ready = permission.allowed && confirm === subject && !del.isPending;
  return (
    <div className="space-y-2 text-sm" data-testid="delete-subject">
      <p className="text-slate-600">
        {permanent
          ? 'Every version is soft-deleted. A permanent delete removes the schemas for good: messages that name their ids can no longer be decoded.'
          : 'A soft delete hides the subject; its versions stay readable as deleted and can be registered again.'}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <input
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          placeholder={`Type ${subject} to confirm`}
          disabled={!permission.allowed}
          data-testid="delete-subject-confirm"
          className="w-72 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm"
        />
        <button
          type="button"
          disabled={!ready}
          title={permission.allowed ? undefined : permission.reason}
          onClick={() => del.mutate({ confirm, permanent }, { onSuccess: () => onDeleted(permanent) })}
          data-testid="delete-subject-button"
          className="rounded bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800 disabled:opacity-50"
        >
          {permanent ? 'Delete permanently' : 'Soft delete subject'}
        </button>
      </div>
      {del.error && <p role="alert" className="text-red-700">{del.error.message}</p>}
    </div>
  );
}
