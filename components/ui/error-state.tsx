import { ApiError } from '@/lib/api/errors';

const titles: Record<string, string> = {
  cluster_unreachable: 'Cluster unreachable',
  timeout: 'The cluster did not answer in time',
  not_found: 'Not found',
  forbidden: 'Not allowed',
  read_only: 'Read-only',
  broker_error: 'The broker refused',
};

/** A failed request shown as a clear state on the page, with what to do next. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const apiError = error instanceof ApiError ? error : undefined;
  const title = (apiError && titles[apiError.code]) ?? 'Something went wrong';
  return (
    <div role="alert" data-testid="error-state" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
      <p className="font-semibold">{title}</p>
      <p className="mt-1 break-words">{error instanceof Error ? error.message : String(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry} className="mt-3 rounded border border-red-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-red-100">
          Try again
        </button>
      )}
    </div>
  );
}
