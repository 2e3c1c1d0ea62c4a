import { ErrorState } from '@/components/ui/error-state';
import { ApiError } from '@/lib/api/errors';

/**
 * A failed read. Input the server refused (a 4xx naming a field) is shown as something to fix,
 * beside the field it names; anything else is a failure with a retry.
 */
export function ReadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && error.isClientError) {
    return (
      <div role="alert" data-testid="read-error" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        <p className="font-semibold">{error.status === 404 ? 'Not found' : 'Check the query'}</p>
        <p className="mt-0.5 break-words">{error.message}</p>
      </div>
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}
