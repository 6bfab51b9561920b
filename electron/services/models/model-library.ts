import { randomUUID } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { GgufFileInfo } from 'node-llama-cpp';
import { ModelSettingsSchema, type ModelRole, type ModelSettings } from '../../ipc/contract';
import { HearthError } from '../../ipc/errors';
import type { SqliteDatabase } from '../store/db';
import type { ForkEntry } from '../workers/child-process';
import { freePaths, sameFileContent } from './file-identity';
import { inspectGguf, type InspectedModel } from './gguf/inspect';
import { checkVocabularyLoads } from './probe/model-probe';
import {
  deleteModelRecord,
  findModelRecord,
  findModelRecordByPath,
  insertModel,
  listModelRecords,
  updateModelSettings,
  type ModelRecord,
} from './model-store';
import { mainText } from '../../ipc/main-text';

export interface ModelLibraryOptions {
  db: SqliteDatabase;
  /** Where copied and downloaded models live (`<data>/models`). */
  modelsDir: string;
  /** How the process that first opens a new model starts (see `checkVocabularyLoads`). Defaults to Node's fork. */
  fork?: ForkEntry;
}

/**
 * The installed models: which GGUF files Hearth knows, where they are, what they contain and
 * their settings. Owns copies it made; never deletes a file it only references.
 */
export class ModelLibrary {
  readonly modelsDir: string;
  readonly #db: SqliteDatabase;
  readonly #fork: ForkEntry | undefined;
  /** node-llama-cpp's file info per model, read once per run (fit estimates need it). */
  readonly #fileInfo = new Map<string, GgufFileInfo>();

  constructor(options: ModelLibraryOptions) {
    this.#db = options.db;
    this.modelsDir = options.modelsDir;
    this.#fork = options.fork;
    mkdirSync(this.modelsDir, { recursive: true });
    sweepInterruptedCopies(this.modelsDir);
  }

  /** Reads a GGUF without importing it (the import dialog's preview). */
  async inspect(path: string): Promise<InspectedModel> {
    return inspectGguf(requireFile(path));
  }

  /**
   * Reads a model Hearth has not run before: `inspect`, then its first opening by llama.cpp, in a
   * child process (`checkVocabularyLoads`), so a file that makes llama.cpp abort is refused with
   * `INVALID_GGUF` instead of ending the app.
   */
  async inspectNew(path: string): Promise<InspectedModel> {
    const inspected = await this.inspect(path);
    await checkVocabularyLoads(inspected.parts[0]!, { fork: this.#fork });
    return inspected;
  }

  /**
   * Adds a model. `copy` copies every part into the models folder (atomically: a half-copied file
   * never has its final name); `reference` records the user's file where it is. Importing the same
   * file twice, or a file with the same bytes as an installed model under another name, returns
   * the existing entry.
   */
  async import(path: string, mode: 'copy' | 'reference'): Promise<ModelRecord> {
    const source = requireFile(path);
    const inspected = await inspectGguf(source);
    const sameFile = findModelRecordByPath(this.#db, inspected.parts[0]!);
    if (sameFile) return sameFile;
    const sameBytes = await this.findSameContent(inspected.parts);
    if (sameBytes) return sameBytes;
    await checkVocabularyLoads(inspected.parts[0]!, { fork: this.#fork });

    const parts = mode === 'copy' ? await this.#copyIntoLibrary(inspected.parts) : inspected.parts;
    // The copy may be a file already in the library with the same bytes: that entry, not a second.
    return findModelRecordByPath(this.#db, parts[0]!) ?? this.add({ path: parts[0]!, storage: mode, inspected });
  }

  /** Records a model whose file is already in place (an import or a finished download). */
  add(input: { path: string; storage: ModelRecord['storage']; inspected: InspectedModel }): ModelRecord {
    const record: ModelRecord = {
      id: randomUUID(),
      path: input.path,
      storage: input.storage,
      metadata: input.inspected.metadata,
      settings: ModelSettingsSchema.parse({}),
      addedAt: new Date(),
    };
    insertModel(this.#db, record);
    this.#fileInfo.set(record.id, input.inspected.fileInfo);
    return record;
  }

  /**
   * An installed model whose parts hold the same bytes as `parts` (another path, another name).
   * Sizes are compared first, so files are hashed only when an installed model has the same sizes.
   */
  async findSameContent(parts: string[]): Promise<ModelRecord | null> {
    const sizes = parts.map((part) => statSync(part).size);
    for (const record of this.list()) {
      if (record.metadata.parts.length !== parts.length || !this.filesPresent(record)) continue;
      const installed = record.metadata.parts.map((part) => join(dirname(record.path), part));
      if (installed[0] === parts[0]) continue;
      if (installed.some((part, index) => statSync(part).size !== sizes[index])) continue;
      if (await allSameContent(parts, installed)) return record;
    }
    return null;
  }

  list(): ModelRecord[] {
    return listModelRecords(this.#db);
  }

  /**
   * The installed model `ref` names: its id, else its name or file name (with or without
   * `.gguf`), case aside. `MODEL_NOT_FOUND` when none does; `VALIDATION` when several do (naming
   * them), or when it is not of `role`. `listedBy` says where the user can see the models.
   */
  find(ref: string, options: { role?: ModelRole; listedBy?: string } = {}): ModelRecord {
    const models = this.list();
    const byId = models.find((record) => record.id === ref);
    const wanted = ref.trim().toLowerCase();
    const matches = byId
      ? [byId]
      : models.filter((record) =>
          [record.metadata.name, basename(record.path), basename(record.path, '.gguf')].some(
            (name) => name.toLowerCase() === wanted,
          ),
        );
    if (matches.length === 0) {
      throw new HearthError(
        'MODEL_NOT_FOUND',
        `No installed model is called "${ref}" (by id, name or file name)${options.listedBy ? `; see ${options.listedBy}` : ''}.`,
        { ref },
      );
    }
    if (matches.length > 1) {
      throw new HearthError(
        'VALIDATION',
        `"${ref}" names ${matches.length} installed models: ${matches.map((record) => `${basename(record.path)} (id ${record.id})`).join(', ')}. Give the id.`,
        { ref },
      );
    }
    const record = matches[0]!;
    if (options.role && record.metadata.role !== options.role) {
      throw new HearthError(
        'VALIDATION',
        `${record.metadata.name} is ${article(record.metadata.role)} model, not ${article(options.role)} model.`,
        { ref },
      );
    }
    return record;
  }

  get(id: string): ModelRecord {
    const record = findModelRecord(this.#db, id);
    if (!record) throw new HearthError('MODEL_NOT_FOUND', mainText('models.noId', { id }), { id });
    return record;
  }

  /** Whether every part of the model is still where it was recorded. */
  filesPresent(record: ModelRecord): boolean {
    return record.metadata.parts.every((part) => existsSync(join(dirname(record.path), part)));
  }

  /** The file info for fit estimates, re-validating the file if this run has not read it yet. */
  async fileInfo(record: ModelRecord): Promise<GgufFileInfo> {
    const cached = this.#fileInfo.get(record.id);
    if (cached) return cached;
    const inspected = await inspectGguf(record.path);
    this.#fileInfo.set(record.id, inspected.fileInfo);
    return inspected.fileInfo;
  }

  /** Re-checks the file on disk right before llama.cpp opens it (it may have changed since import). */
  async revalidate(record: ModelRecord): Promise<InspectedModel> {
    if (!this.filesPresent(record)) {
      throw new HearthError(
        'MODEL_NOT_FOUND',
        mainText('models.fileMissing', { name: record.metadata.name, path: record.path }),
        {
          id: record.id,
          path: record.path,
        },
      );
    }
    const inspected = await inspectGguf(record.path);
    this.#fileInfo.set(record.id, inspected.fileInfo);
    return inspected;
  }

  setSettings(id: string, settings: ModelSettings): ModelRecord {
    this.get(id);
    updateModelSettings(this.#db, id, settings);
    return this.get(id);
  }

  /** Forgets a model. Deletes the file only when Hearth made it (a copy or a download). */
  async remove(id: string): Promise<void> {
    const record = this.get(id);
    deleteModelRecord(this.#db, id);
    this.#fileInfo.delete(id);
    if (record.storage === 'reference') return;
    for (const part of record.metadata.parts) await rm(join(dirname(record.path), part), { force: true });
  }

  /**
   * Copies every part into the models folder, atomically (a half-copied file never has its final
   * name). Never overwrites: a file of the same name with the same bytes is reused, a different
   * one makes the copy take a free name.
   */
  async #copyIntoLibrary(parts: string[]): Promise<string[]> {
    const wanted = parts.map((part) => join(this.modelsDir, basename(part)));
    if (await allSameContent(parts, wanted)) return wanted;
    const targets = freePaths(wanted);
    for (const [index, part] of parts.entries()) {
      const target = targets[index]!;
      mkdirSync(dirname(target), { recursive: true });
      const temporary = `${target}${IMPORTING_SUFFIX}`;
      try {
        await copyFile(part, temporary, constants.COPYFILE_FICLONE);
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    }
    return targets;
  }
}

/** Suffix of a copy in progress; one left by a crash is deleted at the next start. */
const IMPORTING_SUFFIX = '.importing';

async function allSameContent(sources: string[], targets: string[]): Promise<boolean> {
  for (const [index, source] of sources.entries()) {
    const target = targets[index]!;
    if (!existsSync(target) || !(await sameFileContent(source, target))) return false;
  }
  return true;
}

/** Deletes copies a crash interrupted (`*.importing`), in the models folder and its subfolders. */
function sweepInterruptedCopies(dir: string): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(IMPORTING_SUFFIX))
      rmSync(join(entry.parentPath, entry.name), { force: true });
  }
}

/** An absolute path to an existing regular file, or a specific error. */
function requireFile(path: string): string {
  const absolute = resolve(path);
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    throw new HearthError('NOT_FOUND', mainText('models.noFile', { path: absolute }), { path: absolute });
  }
  if (!stats.isFile())
    throw new HearthError('UNSUPPORTED_FILE', mainText('models.notFile', { path: absolute }), { path: absolute });
  // Ollama keeps GGUF files as content-addressed blobs with no extension: the bytes decide.
  if (!absolute.toLowerCase().endsWith('.gguf') && !startsWithGgufMagic(absolute)) {
    throw new HearthError('UNSUPPORTED_FILE', mainText('models.notGguf', { name: basename(absolute) }), {
      path: absolute,
    });
  }
  return absolute;
}

/** Whether the file begins as every GGUF does (`GGUF`); unreadable counts as no. */
function startsWithGgufMagic(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.toString('latin1') === 'GGUF';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** "a chat", "an embedding", "a reranker". */
function article(role: string): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
}
