/**
 * Polls `check` every 100 ms until it holds, or fails after `ms` with `what` (background work,
 * like a watcher's re-index or a sync, runs on its own time).
 */
export async function eventually(
  check: () => boolean,
  ms = 30_000,
  what = 'the library did not get there in time',
): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(what);
    await new Promise((r) => setTimeout(r, 100));
  }
}
