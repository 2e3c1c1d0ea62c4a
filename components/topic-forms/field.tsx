import type { ReactNode } from 'react';

/** A labelled form field with its help text, its error and its warnings right under it. */
export function Field({ label, htmlFor, field, help, error, warnings, children }: {
  label: ReactNode;
  htmlFor?: string;
  /** Field key as the API names it (name, partitions, configs.retention.ms); used in test ids. */
  field: string;
  help?: ReactNode;
  error?: string;
  warnings?: string[];
  children: ReactNode;
}) {
  return (
    <div className="space-y-1" data-field={field}>
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {error && <FieldError field={field} message={error} />}
      {!error && warnings?.map((w) => <FieldWarning key={w} field={field} message={w} />)}
      {help && !error && <p className="text-xs text-slate-500">{help}</p>}
    </div>
  );
}

export function FieldError({ field, message }: { field: string; message: string }) {
  return (
    <p role="alert" className="flex gap-1 text-xs font-medium text-red-700" data-testid={`field-error-${field}`}>
      <span aria-hidden>✕</span>
      <span>{message}</span>
    </p>
  );
}

export function FieldWarning({ field, message }: { field: string; message: string }) {
  return (
    <p className="flex gap-1 text-xs text-amber-800" data-testid={`field-warning-${field}`}>
      <span aria-hidden>⚠</span>
      <span>{message}</span>
    </p>
  );
}

export const inputClass = (invalid?: boolean) =>
  `w-full rounded border bg-white px-2.5 py-1.5 text-sm shadow-sm outline-none focus:ring-2 disabled:bg-slate-100 disabled:text-slate-500 ${
    invalid ? 'border-red-400 focus:ring-red-200' : 'border-slate-300 focus:border-sky-500 focus:ring-sky-100'
  }`;
