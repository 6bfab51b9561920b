import { expect } from 'vitest';
import { toErrorData } from '../../electron/ipc/errors';
import { foreignPaths } from './foreign-paths';

/**
 * What a promise rejected with; fails the test if it resolved. Every error a test provokes is
 * also checked the way it would reach the window (`toErrorData`): its message may name only the
 * absolute paths the caller gave (`given`), never Hearth's internals.
 */
export async function rejectionOf(
  promise: Promise<unknown>,
  given: readonly string[] = [],
): Promise<{ code?: string; message: string; details?: unknown }> {
  let rejected: unknown;
  try {
    await promise;
  } catch (error) {
    rejected = error ?? new Error(String(error));
  }
  if (rejected === undefined) throw new Error('expected a rejection, but it resolved');
  const crossing = toErrorData(rejected);
  expect(foreignPaths(crossing.message, given), `paths in "${crossing.message}"`).toEqual([]);
  return rejected as { code?: string; message: string; details?: unknown };
}
