import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { invalidGguf } from './gguf-problems';

const SPLIT_NAME = /^(.*)-(\d{5})-of-(\d{5})\.gguf$/i;

/**
 * All files of a model, in order. A split model (`name-00001-of-00003.gguf`) is found from any
 * of its parts; every part must be present. A plain file is its own single part.
 */
export function splitParts(path: string): string[] {
  const match = SPLIT_NAME.exec(basename(path));
  if (!match) return [path];
  const [, stem, , totalText] = match;
  const total = Number(totalText);
  if (total < 1) throw invalidGguf('missing-part', `"${basename(path)}" claims to be part of a 0-part model`);
  const parts = Array.from({ length: total }, (_, i) =>
    join(dirname(path), `${stem}-${String(i + 1).padStart(5, '0')}-of-${totalText}.gguf`),
  );
  const missing = parts.filter((part) => !existsSync(part)).map((part) => basename(part));
  if (missing.length) {
    throw invalidGguf(
      'missing-part',
      `this split model is missing ${missing.length} of ${total} parts (${missing.slice(0, 3).join(', ')})`,
      {
        missing,
      },
    );
  }
  return parts;
}
