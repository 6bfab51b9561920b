/**
 * How sizes, counts and rates are shown, everywhere: the renderer, service messages, the CLI and
 * scripts. Pure functions with no imports, so the renderer may load this file at run time.
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

/** "1.2B", "350M", "94K" parameter counts, as model cards show them. */
export function formatCount(count: number): string {
  if (count >= 1e9) return `${(count / 1e9).toFixed(1)}B`;
  if (count >= 1e6) return `${(count / 1e6).toFixed(count >= 1e8 ? 0 : 1)}M`;
  if (count >= 1e3) return `${(count / 1e3).toFixed(0)}K`;
  return String(count);
}

/** "2,030": exact counts (files, passages), grouped for reading. */
export function formatNumber(count: number): string {
  return Math.round(count).toLocaleString('en');
}

export function formatRate(perSecond: number): string {
  return perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toFixed(1);
}
