/** How the operator's backfills write: a few writes at once, so a large table is not flooded. */

/** Writes a backfill has in flight at once. */
const IN_FLIGHT = 8;

/** Calls `write` for every item, IN_FLIGHT at a time and in order; answers what each call answered. */
export async function fewAtOnce<T, R>(items: readonly T[], write: (item: T) => Promise<R>): Promise<R[]> {
  const answers: R[] = [];
  for (let i = 0; i < items.length; i += IN_FLIGHT) {
    answers.push(...(await Promise.all(items.slice(i, i + IN_FLIGHT).map(write))));
  }
  return answers;
}
