import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Whether two files hold the same bytes: sizes first, then SHA-256 of each (streamed). */
export async function sameFileContent(a: string, b: string): Promise<boolean> {
  if (statSync(a).size !== statSync(b).size) return false;
  const [hashA, hashB] = await Promise.all([sha256File(a), sha256File(b)]);
  return hashA === hashB;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Paths for `files` (one model's parts, each a path whose folder is where it should go) that clash
 * with nothing on disk. A single file gets a numbered name (`model-2.gguf`); the parts of a split
 * model keep their names, which llama.cpp needs to find each other, in a numbered folder.
 */
export function freePaths(files: string[]): string[] {
  if (files.every((file) => !existsSync(file))) return files;
  for (let n = 2; ; n++) {
    const candidates =
      files.length === 1
        ? [files[0]!.replace(/(\.gguf)?$/i, (ext) => `-${n}${ext}`)]
        : files.map((file) =>
            join(dirname(file), `${basename(files[0]!).replace(/-\d{5}-of-\d{5}\.gguf$/i, '')}-${n}`, basename(file)),
          );
    if (candidates.every((file) => !existsSync(file))) return candidates;
  }
}
