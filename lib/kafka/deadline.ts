/**
 * Resolves to null if the promise fails or takes longer than `ms`. The work keeps running, so a
 * slow secondary read (e.g. consumer lag) still warms its cache for the next poll instead of
 * holding up the page now.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}
