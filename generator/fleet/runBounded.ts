/**
 * Runs a task over items with at most `limit` in flight, starting them in order, and stops
 * starting new ones once `stopped()` says so (Ctrl-C); those left are reported as not started.
 */
export type BoundedOutcome<R> = PromiseSettledResult<R> | { readonly status: 'not started' };

export async function runBounded<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
  stopped: () => boolean = () => false,
): Promise<BoundedOutcome<R>[]> {
  const outcomes: BoundedOutcome<R>[] = items.map(() => ({ status: 'not started' }));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !stopped()) {
      const index = next;
      next += 1;
      try {
        outcomes[index] = { status: 'fulfilled', value: await task(items[index]) };
      } catch (error) {
        outcomes[index] = { status: 'rejected', reason: error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return outcomes;
}
