/**
 * How sizes, counts and rates are written in English: main's sentences, the CLI and scripts. The
 * window writes numbers in its own language (app/i18n/format.ts) and takes only `formatFileName`
 * from here. Pure functions with no imports, so the renderer may load this file at run time.
 */

/** "16.0 GB" style sizes, powers of 1024, as operating systems show memory. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** "2,030": exact counts (files, passages), grouped for reading. */
export function formatNumber(count: number): string {
  return Math.round(count).toLocaleString('en');
}

export function formatRate(perSecond: number): string {
  return perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toFixed(1);
}

/** "850 ms", "12.4 s", "3 min 5 s": how long one piece of work took. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/**
 * "12.4 s · report.pdf (pdf): reader 12.1 s, disk 120 ms, chunking 180 ms": one of the slowest
 * files and where its time went.
 */
export function formatSlowDocument(file: {
  path: string;
  type: string;
  readMs: number;
  cost: { read: number; parse: number; chunk: number };
}): string {
  const stages = `reader ${formatDuration(file.cost.parse)}, disk ${formatDuration(file.cost.read)}, chunking ${formatDuration(file.cost.chunk)}`;
  return `${formatDuration(file.readMs)} · ${file.path} (${file.type}): ${stages}`;
}

/** "about 3 min left": a rough time left, as a person reads it ("a few seconds" under ten). */
export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'working out the time left';
  if (seconds < 10) return 'a few seconds left';
  if (seconds < 90) return `about ${Math.round(seconds / 10) * 10} s left`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min left`;
  return `about ${(seconds / 3600).toFixed(1)} h left`;
}

/** "Reading files · 35/120 · 1.2 MB/s · about 2 min left": one line for a run in progress. */
export function formatIndexProgress(progress: {
  stage: 'scanning' | 'reading' | 'embedding';
  done: number;
  total: number;
  rate: number;
  bytesPerSecond: number;
  etaSeconds: number | null;
}): string {
  if (progress.stage === 'scanning') return 'Looking for files';
  const counts = `${formatNumber(progress.done)}/${formatNumber(progress.total)}`;
  const left = progress.done >= progress.total ? 'done' : formatTimeLeft(progress.etaSeconds);
  if (progress.stage === 'reading') {
    return `Reading files · ${counts} · ${formatRate(progress.rate)} files/s, ${formatBytes(progress.bytesPerSecond)}/s · ${left}`;
  }
  return `Embedding passages · ${counts} · ${formatRate(progress.rate)}/s · ${left}`;
}

/**
 * What happened to a damaged database, for people: a headline and the details (where the damaged
 * file was kept, what was lost). The same words in the window and on the CLI's stderr.
 */
export function formatStoreRecovered(data: {
  database: 'hearth' | 'library';
  movedTo: string;
  reason: string;
  repair: { method: 'reindexed' | 'copied'; rows: number; unreadable: string[]; headerRebuilt: boolean } | null;
}): { headline: string; details: string } {
  const what = data.database === 'hearth' ? 'Your chats and settings database' : 'The library index';
  const kept = `The damaged file was kept at ${data.movedTo}.`;
  if (!data.repair) {
    return {
      headline: `${what} could not be read and was replaced with a new one.`,
      details: `The old file was kept at ${data.movedTo}. (${data.reason})`,
    };
  }
  if (data.repair.method === 'reindexed') {
    return {
      headline: `${what} was damaged and has been repaired; nothing was lost.`,
      details: `Its indexes were rebuilt. ${kept}`,
    };
  }
  const lost = data.repair.unreadable.length
    ? `Parts of ${data.repair.unreadable.join(', ')} could not be read; what was there may be lost.`
    : 'Every row could be read.';
  return {
    headline: `${what} was damaged and has been repaired.`,
    details: `${formatNumber(data.repair.rows)} rows were copied into a new file. ${lost} ${kept}`,
  };
}

/**
 * Characters that change how the text around them reads instead of showing: C0/C1 controls and
 * the bidirectional overrides, embeddings, isolates and marks (`invoice\u202etxt.sh` would read
 * "invoicehs.txt"). Kept in step with the CLI's terminal-text.ts.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NAME_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name or path as it may be shown: each control or bidi character as a visible `\u202e`,
 * and the whole isolated (U+2068…U+2069) so a right-to-left name cannot reorder the text beside it.
 */
export function formatFileName(name: string): string {
  const visible = name.replace(NAME_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `\u2068${visible}\u2069`;
}
