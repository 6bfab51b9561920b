import { sep } from 'node:path';
import { it, type TestFunction } from 'vitest';

export const isWindows = process.platform === 'win32';

/**
 * `it` where `available` holds; elsewhere the test is skipped with `reason`, which the run's
 * summary lists (test/setup/summary-reporter.ts), so a skip is never silent.
 */
export function itWhere(
  available: boolean,
  reason: string,
): (name: string, fn: TestFunction, timeout?: number) => void {
  return available ? (name, fn, timeout) => it(name, fn, timeout) : (name) => it(name, (ctx) => ctx.skip(reason));
}

/** Tests of symbolic links, FIFOs and permission bits: Windows has none of them as POSIX does. */
export const itOnPosix = itWhere(
  !isWindows,
  'needs POSIX files (symbolic links without privileges, FIFOs, permission bits), which Windows lacks',
);

/** A path relative to a test's folder, written with `/` whatever the platform, to compare with literals. */
export function posixPath(path: string): string {
  return path.split(sep).join('/');
}
