import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { ModelApp } from '../../../ipc/contract';
import type { KnownFolder } from './known-folders';

/** A model file another app downloaded, as found on disk (not yet checked). */
export interface FoundFile {
  app: ModelApp;
  path: string;
  /** What the app calls it: the file's name, or Ollama's `name:tag`. */
  name: string;
  sizeBytes: number;
}

export interface FindOptions {
  /** Folders below a known folder that are searched. Defaults to 6 (LM Studio nests 2). */
  maxDepth?: number;
  /** Files listed at most, all folders together. Defaults to 200. */
  maxFiles?: number;
  /** Folders read at most, all together: a huge tree cannot stall main. Defaults to 5,000. */
  maxFolders?: number;
}

/** A split model's later parts (`-00002-of-00003.gguf`): found through its first part. */
const LATER_PART = /-(?!00001-)\d{5}-of-\d{5}\.gguf$/i;

/**
 * The GGUF files in `folders`, each once (by real path: the same file linked from two apps, or
 * a folder linked into itself, counts once and ends). Folders that are missing or unreadable are
 * passed over: an app the user never installed is not an error. Never follows more than
 * `maxDepth` folders down, and stops after `maxFiles`.
 */
export function findModelFiles(folders: readonly KnownFolder[], options: FindOptions = {}): FoundFile[] {
  const maxDepth = options.maxDepth ?? 6;
  const maxFiles = options.maxFiles ?? 200;
  const found: FoundFile[] = [];
  const seen = new Set<string>();
  // Folders read so far, by real path, across every app's folder (and the budget they count against).
  const visited = { folders: new Set<string>(), left: options.maxFolders ?? 5_000 };
  const add = (file: Omit<FoundFile, 'sizeBytes'>) => {
    const real = realPath(file.path);
    if (!real || seen.has(real) || found.length >= maxFiles) return;
    const stats = statSync(real, { throwIfNoEntry: false });
    if (!stats?.isFile()) return;
    seen.add(real);
    found.push({ ...file, sizeBytes: stats.size });
  };
  for (const folder of folders) {
    if (folder.layout === 'ollama') ollamaModels(folder.path).forEach((file) => add({ ...file, app: folder.app }));
    else walk(folder.path, maxDepth, visited, (path) => add({ app: folder.app, path, name: basename(path) }));
  }
  return found;
}

function walk(
  dir: string,
  depth: number,
  visited: { folders: Set<string>; left: number },
  onFile: (path: string) => void,
): void {
  const real = realPath(dir);
  if (!real || visited.folders.has(real) || visited.left <= 0) return;
  visited.folders.add(real);
  visited.left--;
  for (const entry of entries(dir)) {
    const path = join(dir, entry.name);
    // A link is followed for what it points at: a directory within the depth, or a file.
    const isDir =
      entry.isDirectory() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory());
    if (isDir) {
      if (depth > 0 && !entry.name.startsWith('.')) walk(path, depth - 1, visited, onFile);
    } else if (/\.gguf$/i.test(entry.name) && !LATER_PART.test(entry.name)) {
      onFile(path);
    }
  }
}

/**
 * Ollama's models by name: each manifest (`manifests/<registry>/<namespace>/<model>/<tag>`) names
 * its weights layer by digest, stored as `blobs/sha256-<hex>`, a plain GGUF file.
 */
function ollamaModels(root: string): Array<{ path: string; name: string }> {
  const manifests = join(root, 'manifests');
  const models: Array<{ path: string; name: string }> = [];
  const visit = (dir: string, depth: number) => {
    for (const entry of entries(dir)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth > 0) visit(path, depth - 1);
      else if (entry.isFile()) {
        const digest = weightsDigest(path);
        if (digest)
          models.push({ path: join(root, 'blobs', digest.replace(':', '-')), name: ollamaName(manifests, path) });
      }
    }
  };
  visit(manifests, 4);
  return models;
}

/** The digest of a manifest's model layer, or `null` for anything else (a bad or foreign file). */
function weightsDigest(manifestPath: string): string | null {
  try {
    if (statSync(manifestPath).size > 1024 * 1024) return null;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { layers?: unknown };
    const layers = Array.isArray(manifest.layers) ? (manifest.layers as Array<Record<string, unknown>>) : [];
    const digest = layers.find((layer) => layer?.['mediaType'] === 'application/vnd.ollama.image.model')?.['digest'];
    return typeof digest === 'string' && /^sha256:[0-9a-f]{64}$/.test(digest) ? digest : null;
  } catch {
    return null;
  }
}

/** `registry.ollama.ai/library/qwen3/1.7b` → `qwen3:1.7b`; another namespace is kept (`me/model:tag`). */
function ollamaName(manifests: string, path: string): string {
  const [, namespace, ...rest] = relative(manifests, path).split(sep);
  const tag = rest.pop() ?? 'latest';
  const model = rest.join('/');
  return `${namespace && namespace !== 'library' ? `${namespace}/` : ''}${model}:${tag}`;
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // missing, not a folder, or not ours to read
  }
}

function realPath(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}
