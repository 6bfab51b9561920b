import { open, opendir, readFile, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Why a file found under a source is not indexed, as the user reads it in the file table. */
export type SkipReason =
  | 'too-large'
  | 'binary'
  | 'empty'
  | 'unreadable'
  | 'vanished'
  | 'symlink-loop'
  | 'unsupported-type'
  | 'parse-failed'
  | 'encrypted'
  | 'no-text'
  | 'garbage-text'
  | 'zip-bomb'
  | 'ocr-limit'
  | 'timeout';

export interface FoundFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface SkippedPath {
  path: string;
  reason: SkipReason;
  detail: string;
}

export interface WalkOptions {
  /** Gitignore-style patterns a file must match (relative to the root); empty means every file. */
  include?: readonly string[];
  /** Gitignore-style patterns to leave out, on top of the defaults and the folders' ignore files. */
  exclude?: readonly string[];
  /** Files larger than this are skipped as `too-large`. Defaults to 50 MB. */
  maxFileBytes?: number;
  /** Walk into hidden folders and files (`.name`). Defaults to `false`. */
  includeHidden?: boolean;
  signal?: AbortSignal;
}

export interface WalkResult {
  files: FoundFile[];
  /** Everything found and left out with a reason: nothing under a source is silently dropped. */
  skipped: SkippedPath[];
}

/**
 * Folders nobody means to search: version control, dependencies, caches and build output. Hidden
 * folders are left out too unless asked for.
 */
export const DEFAULT_IGNORES = [
  '.git/',
  '.hg/',
  '.svn/',
  'node_modules/',
  'bower_components/',
  '__pycache__/',
  '.venv/',
  'venv/',
  '.tox/',
  '.cache/',
  '.next/',
  '.nuxt/',
  'dist/',
  'build/',
  'target/',
  'out/',
  '.DS_Store',
  'Thumbs.db',
  'desktop.ini',
  '*.tmp',
  '~$*',
  '*.swp',
  '*.partial',
  '*.crdownload',
];

/** The ignore files a folder may hold; each applies to its folder and below, like git's. */
const IGNORE_FILES = ['.gitignore', '.ignore', '.hearthignore'];

/**
 * Lists the files under `root` to index, and every other file found with why it is left out.
 * Ignore rules are the defaults, each folder's ignore files and the source's own patterns.
 * Symbolic links are followed, and a link back to a folder already on the way is reported once as a
 * loop; a folder or file that cannot be read, or that vanishes mid-walk, is reported, never fatal.
 * Binary detection happens later, when a file is read.
 */
export async function walk(root: string, options: WalkOptions = {}): Promise<WalkResult> {
  const maxFileBytes = options.maxFileBytes ?? 50 * 1024 * 1024;
  const result: WalkResult = { files: [], skipped: [] };
  const base = ignore()
    .add(DEFAULT_IGNORES)
    .add([...(options.exclude ?? [])]);
  const include = options.include?.length ? ignore().add([...options.include]) : null;
  const skip = (path: string, reason: SkipReason, detail: string) => result.skipped.push({ path, reason, detail });

  let rootReal: string;
  try {
    rootReal = await realpath(root);
  } catch (error) {
    skip(root, errorReason(error), describe(error));
    return result;
  }

  /** `rules`: the ignore files met on the way down, each with the folder it applies from. */
  const visit = async (dir: string, ancestors: ReadonlySet<string>, rules: ReadonlyArray<[string, Ignore]>) => {
    options.signal?.throwIfAborted();
    const here = [...rules, ...(await readIgnoreFiles(dir))];
    const ignored = (path: string, isDir: boolean) => {
      const rel = toPosix(relative(root, path)) + (isDir ? '/' : '');
      if (base.ignores(rel)) return true;
      if (!options.includeHidden && rel.split('/').some((part) => part.startsWith('.') && part.length > 1)) return true;
      return here.some(([from, rule]) => {
        const local = toPosix(relative(from, path)) + (isDir ? '/' : '');
        return local !== '' && !local.startsWith('..') && rule.ignores(local);
      });
    };

    let entries;
    try {
      entries = await opendir(dir);
    } catch (error) {
      skip(dir, errorReason(error), `The folder could not be read: ${describe(error)}`);
      return;
    }
    const names: string[] = [];
    try {
      for await (const entry of entries) names.push(entry.name);
    } catch (error) {
      skip(dir, errorReason(error), `The folder could not be read to the end: ${describe(error)}`);
    }
    names.sort();

    for (const name of names) {
      const path = join(dir, name);
      let stats: Stats;
      try {
        stats = await stat(path);
      } catch (error) {
        // A dangling link, a file deleted since the listing, or one we may not look at.
        if (!ignored(path, false)) skip(path, errorReason(error), describe(error));
        continue;
      }
      if (stats.isDirectory()) {
        if (ignored(path, true)) continue;
        const real = await realpath(path).catch(() => path);
        if (ancestors.has(real)) {
          skip(
            path,
            'symlink-loop',
            `A link back to ${toPosix(relative(root, real)) || 'the top folder'}; not followed again.`,
          );
          continue;
        }
        await visit(path, new Set([...ancestors, real]), here);
      } else if (stats.isFile()) {
        if (ignored(path, false)) continue;
        if (include && !include.ignores(toPosix(relative(root, path)))) continue;
        if (stats.size > maxFileBytes) {
          skip(path, 'too-large', `${stats.size} bytes, over the ${maxFileBytes}-byte limit per file.`);
        } else if (stats.size === 0) {
          skip(path, 'empty', 'The file is empty.');
        } else {
          result.files.push({ path, size: stats.size, mtimeMs: Math.trunc(stats.mtimeMs) });
        }
      }
      // Sockets, pipes and devices are not documents: reading a FIFO would block forever.
    }
  };

  await visit(root, new Set([rootReal]), []);
  return result;
}

async function readIgnoreFiles(dir: string): Promise<Array<[string, Ignore]>> {
  const found: Array<[string, Ignore]> = [];
  for (const name of IGNORE_FILES) {
    const text = await readFile(join(dir, name), 'utf8').catch(() => null);
    if (text !== null) found.push([dir, ignore().add(text)]);
  }
  return found;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function errorReason(error: unknown): SkipReason {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'vanished';
  if (code === 'ELOOP') return 'symlink-loop';
  return 'unreadable';
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied.';
    case 'ENOENT':
      return 'It was there when the folder was listed, and then it was gone (or it is a broken link).';
    case 'ELOOP':
      return 'Too many levels of symbolic links.';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/** The first bytes of a file, for sniffing its type and spotting binary data. */
export async function readHead(path: string, bytes = 8192): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
