import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';

/**
 * A download in progress on disk: the bytes so far (`<target>.part`) and what is remembered beside
 * them (`<target>.part.json`: the URL, the expected SHA-256, the size) so it resumes after a restart.
 */

/** What is remembered beside a partial download so it can resume after a restart. */
export interface PartialState {
  url: string;
  expectedSha256: string | null;
  total: number | null;
}

export const partialPath = (target: string) => `${target}.part`;
export const statePath = (target: string) => `${target}.part.json`;

/** Deletes a partial download and what was remembered about it. */
export async function discardPartial(target: string): Promise<void> {
  await rm(partialPath(target), { force: true });
  await rm(statePath(target), { force: true });
}

export async function readState(target: string): Promise<PartialState | null> {
  try {
    const parsed = JSON.parse(await readFile(statePath(target), 'utf8')) as Partial<PartialState>;
    if (typeof parsed.url !== 'string') return null;
    return {
      url: parsed.url,
      expectedSha256: typeof parsed.expectedSha256 === 'string' ? parsed.expectedSha256 : null,
      total: typeof parsed.total === 'number' ? parsed.total : null,
    };
  } catch {
    return null;
  }
}

export async function writeState(target: string, state: PartialState): Promise<void> {
  await writeFile(statePath(target), JSON.stringify(state));
}

/** Feeds a partial file's bytes so far to `hash`; returns how many there were. */
export async function hashExisting(path: string, hash: Hash): Promise<number> {
  let bytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return bytes;
}

/** Size of a partial download, for listing paused downloads. */
export async function partialSize(target: string): Promise<number> {
  try {
    return (await stat(partialPath(target))).size;
  } catch {
    return 0;
  }
}
