import * as nodeFs from 'node:fs';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fdir, type FSLike } from 'fdir';
import ignore, { type Ignore } from 'ignore';
import type { SkipReason } from '../../ipc/schemas/library';
import { isInside, toPosix } from '../paths';

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
  /**
   * Follow links whose real path is outside the folder (a link to `~/.ssh` or `/etc` put in a
   * notes folder). Defaults to `false`: such a link is recorded as `outside-folder`, not followed.
   */
  followLinksOutside?: boolean;
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
 * fdir lists each tree without following links; each link is then looked at here: a link whose
 * real path leaves the folder is not followed (unless `followLinksOutside`), and the hidden and
 * ignore rules apply to where a link leads as well as to its name; a link to a file is a file, a
 * link to a folder is listed in turn unless it leads back to a folder already on the way (a loop,
 * reported once). Pipes, sockets and devices are recorded as `not-a-file` (reading a pipe would
 * wait forever). A folder or file that cannot be read, or that vanishes mid-walk, is reported,
 * never fatal. Binary detection happens later, when a file is read.
 */
export async function walk(root: string, options: WalkOptions = {}): Promise<WalkResult> {
  const maxFileBytes = options.maxFileBytes ?? 50 * 1024 * 1024;
  const result: WalkResult = { files: [], skipped: [] };
  const include = options.include?.length ? ignore().add([...options.include]) : null;
  const skip = (path: string, reason: SkipReason, detail: string) => result.skipped.push({ path, reason, detail });
  const rules = new IgnoreRules(root, options);

  let rootReal: string;
  try {
    rootReal = await realpath(root);
  } catch (error) {
    skip(root, errorReason(error), describe(error));
    return result;
  }

  /** Paths fdir listed that are links: only these need their real path looked up. */
  const links = new Set<string>();
  const special = (path: string) => {
    if (rules.ignored(path, false) || (include && !include.ignores(toPosix(relative(root, path))))) return;
    skip(path, 'not-a-file', 'A pipe, socket or device, not a file: not read.');
  };
  /**
   * Where a link leads, or null when it is not to be followed: out of the folder (recorded), or to
   * a place the hidden and ignore rules leave out (as the place itself would be).
   */
  const linkTarget = async (path: string, isDir: boolean): Promise<string | null> => {
    const real = await realpath(path).catch(() => path);
    if (!isInside(real, rootReal)) {
      if (!options.followLinksOutside) {
        skip(
          path,
          'outside-folder',
          `A link to ${real}, outside the folder: not followed. Allow links out of the folder in its rules to index it.`,
        );
        return null;
      }
      return !options.includeHidden && real.split(sep).some((part) => part.startsWith('.') && part.length > 1)
        ? null
        : real;
    }
    return rules.ignored(join(root, relative(rootReal, real)), isDir) ? null : real;
  };

  /**
   * One tree, `dir` (whose real path is `dirReal`), links not followed. `ancestors`: the real
   * folders on the way to it, which a link must not lead back to.
   */
  const crawl = async (dir: string, dirReal: string, ancestors: ReadonlySet<string>) => {
    const found = await new fdir({ fs: reportingFs(skip, links, special) })
      .withFullPaths()
      .withAbortSignal(options.signal ?? new AbortController().signal)
      .exclude((_name, path) => rules.ignored(path, true))
      // Links come as files here; `include` applies only to what turns out to be a file.
      .filter((path) => !rules.ignored(path, false))
      .crawl(dir)
      .withPromise();
    options.signal?.throwIfAborted();
    for (const path of found.sort()) {
      let stats: Stats;
      try {
        stats = await stat(path);
      } catch (error) {
        // A dangling link, a file deleted since the listing, or one we may not look at.
        skip(path, errorReason(error), describe(error));
        continue;
      }
      if (stats.isDirectory()) {
        // fdir lists no folders: this is a link to one.
        if (rules.ignored(path, true)) continue;
        const real = await linkTarget(path, true);
        if (real === null) continue;
        // The real folders between `dir` and the link are plain folders (fdir follows no links).
        const between = realFoldersBetween(dirReal, relative(dir, dirname(path)));
        const onTheWay = new Set([...ancestors, ...between]);
        if (onTheWay.has(real)) {
          skip(
            path,
            'symlink-loop',
            `A link back to ${toPosix(relative(root, real === rootReal ? root : real)) || 'the top folder'}; not followed again.`,
          );
          continue;
        }
        await crawl(path, real, onTheWay);
      } else if (stats.isFile()) {
        if (include && !include.ignores(toPosix(relative(root, path)))) continue;
        if (links.has(path) && (await linkTarget(path, false)) === null) continue;
        if (stats.size > maxFileBytes) {
          skip(path, 'too-large', `${stats.size} bytes, over the ${maxFileBytes}-byte limit per file.`);
        } else if (stats.size === 0) {
          skip(path, 'empty', 'The file is empty.');
        } else {
          result.files.push({ path, size: stats.size, mtimeMs: Math.trunc(stats.mtimeMs) });
        }
      } else if (!include || include.ignores(toPosix(relative(root, path)))) {
        // A link to a socket, pipe or device is not a document: reading a FIFO would block forever.
        skip(path, 'not-a-file', 'A link to a pipe, socket or device, not a file: not read.');
      }
    }
  };

  await crawl(root, rootReal, new Set([rootReal]));
  result.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return result;
}

/** `dirReal` and each folder below it on the way down `relativePath`. */
function realFoldersBetween(dirReal: string, relativePath: string): string[] {
  const folders = [dirReal];
  let current = dirReal;
  for (const part of relativePath.split(sep).filter(Boolean)) {
    current = join(current, part);
    folders.push(current);
  }
  return folders;
}

/**
 * Node's fs for fdir, except that a folder that cannot be listed is recorded as skipped with its
 * reason (fdir itself would either stop the whole walk on it or drop it without a word), the
 * links it lists are noted in `links`, and the pipes, sockets and devices it would drop without a
 * word are handed to `special`.
 */
function reportingFs(
  skip: (path: string, reason: SkipReason, detail: string) => void,
  links: Set<string>,
  special: (path: string) => void,
): FSLike {
  const readdir = ((path: string, options: unknown, callback: (error: Error | null, entries: unknown) => void) =>
    nodeFs.readdir(path, options as { withFileTypes: true }, (error, entries) => {
      if (error)
        skip(withoutTrailingSeparator(path), errorReason(error), `The folder could not be read: ${describe(error)}`);
      for (const entry of (entries ?? []) as unknown as nodeFs.Dirent[]) {
        if (entry.isSymbolicLink()) links.add(join(path, entry.name));
        else if (!entry.isFile() && !entry.isDirectory()) special(join(path, entry.name));
      }
      callback(error, entries);
    })) as unknown as FSLike['readdir'];
  return { ...nodeFs, readdir };
}

/**
 * What the walk leaves out: the defaults, the source's patterns, hidden names unless asked for,
 * and the ignore files met on the way down, each applying to its folder and below, like git's.
 * Ignore files are read (synchronously: fdir's callbacks are) once per folder.
 */
class IgnoreRules {
  readonly #root: string;
  readonly #base: Ignore;
  readonly #includeHidden: boolean;
  /** Per folder: the ignore files that apply in it, each with the folder it applies from. */
  readonly #byFolder = new Map<string, ReadonlyArray<[string, Ignore]>>();

  constructor(root: string, options: WalkOptions) {
    this.#root = root;
    this.#base = ignore()
      .add(DEFAULT_IGNORES)
      .add([...(options.exclude ?? [])]);
    this.#includeHidden = options.includeHidden ?? false;
  }

  ignored(path: string, isDir: boolean): boolean {
    const bare = withoutTrailingSeparator(path);
    const rel = toPosix(relative(this.#root, bare));
    if (rel === '') return false;
    const suffix = isDir ? '/' : '';
    if (this.#base.ignores(rel + suffix)) return true;
    if (!this.#includeHidden && rel.split('/').some((part) => part.startsWith('.') && part.length > 1)) return true;
    return this.#rulesIn(dirname(bare)).some(([from, rule]) => {
      const local = toPosix(relative(from, bare));
      return local !== '' && !local.startsWith('..') && rule.ignores(local + suffix);
    });
  }

  #rulesIn(folder: string): ReadonlyArray<[string, Ignore]> {
    const known = this.#byFolder.get(folder);
    if (known) return known;
    const under = isInside(folder, this.#root) && folder !== this.#root;
    const inherited = under ? this.#rulesIn(dirname(folder)) : [];
    const rules = [...inherited, ...readIgnoreFiles(folder)];
    this.#byFolder.set(folder, rules);
    return rules;
  }
}

/** Larger ignore files are not read: no real one comes near, and a huge one would stall the walk. */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

function readIgnoreFiles(dir: string): Array<[string, Ignore]> {
  const found: Array<[string, Ignore]> = [];
  for (const name of IGNORE_FILES) {
    const path = join(dir, name);
    try {
      // Only a regular file: reading a pipe with an ignore file's name would wait forever.
      const stats = statSync(path, { throwIfNoEntry: false });
      if (!stats?.isFile() || stats.size > MAX_IGNORE_FILE_BYTES) continue;
      found.push([dir, ignore().add(readFileSync(path, 'utf8'))]);
    } catch {
      // Unreadable: its folder is walked without it, as git would.
    }
  }
  return found;
}

/** fdir writes folders with a trailing separator; the index and the ignore rules do not. */
function withoutTrailingSeparator(path: string): string {
  return path.replace(/[\\/]+$/, '');
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
