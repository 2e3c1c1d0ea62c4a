// Waiting in tests for what a pause stands for: a condition polled until a deadline, or, where
// a test proves that something does not happen, a window of named length watched throughout.

type Check = () => boolean | Promise<boolean>;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Resolves as soon as `check` holds; throws naming `what` if it does not within `timeoutMs`
 * (a function is called then, so the message can tell the state that was reached).
 */
export async function waitFor(check: Check, options: { timeoutMs?: number; what?: string | (() => string); intervalMs?: number } = {}): Promise<void> {
  const { timeoutMs = 10_000, what = 'condition', intervalMs = 50 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`);
    await pause(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
}

/**
 * Proves a negative: `happened` stays false for the whole of `ms` (checked every `intervalMs`
 * and once more at the end); throws naming `what` the moment it turns true.
 */
export async function expectNothingFor(ms: number, options: { what: string | (() => string); happened: Check; intervalMs?: number }): Promise<void> {
  const { what, happened, intervalMs = 50 } = options;
  const end = Date.now() + ms;
  for (;;) {
    if (await happened()) throw new Error(`${typeof what === 'function' ? what() : what} within ${ms} ms`);
    const left = end - Date.now();
    if (left <= 0) return;
    await pause(Math.min(intervalMs, left));
  }
}
