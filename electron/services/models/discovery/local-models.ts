import { homedir } from 'node:os';
import { toErrorData, type HearthErrorData } from '../../../ipc/errors';
import type { LocalModel, ModelInfo, ModelMetadata } from '../../../ipc/contract';
import { findModelFiles, type FindOptions } from './find-model-files';
import { knownModelFolders, type FolderContext } from './known-folders';

/** What `LocalModels` needs of the models service: what is installed, and a file's check. */
export interface ModelsForDiscovery {
  list(): Promise<ModelInfo[]>;
  inspect(path: string): Promise<ModelMetadata>;
}

export interface LocalModelsOptions extends FindOptions {
  /** Where to look. Defaults to this process's home, platform and environment. */
  context?: Partial<FolderContext>;
}

/**
 * Models the user already downloaded with LM Studio, Jan, GPT4All or Ollama, so a first start
 * can use them in place instead of downloading gigabytes again. Each is checked as an import
 * would check it (Hearth's bounds checks, then llama.cpp's reader), so the list says up front
 * which files are usable, and why the others are not.
 */
export class LocalModels {
  readonly #models: ModelsForDiscovery;
  readonly #options: LocalModelsOptions;

  constructor(models: ModelsForDiscovery, options: LocalModelsOptions = {}) {
    this.#models = models;
    this.#options = options;
  }

  async find(): Promise<LocalModel[]> {
    const context: FolderContext = {
      home: this.#options.context?.home ?? homedir(),
      platform: this.#options.context?.platform ?? process.platform,
      env: this.#options.context?.env ?? process.env,
    };
    const installed = new Map((await this.#models.list()).map((model) => [model.path, model.id]));
    const found: LocalModel[] = [];
    for (const file of findModelFiles(knownModelFolders(context), this.#options)) {
      let metadata: ModelMetadata | null = null;
      let problem: HearthErrorData | null = null;
      try {
        metadata = await this.#models.inspect(file.path);
      } catch (error) {
        problem = toErrorData(error);
      }
      found.push({ ...file, installedId: installed.get(file.path) ?? null, metadata, problem });
    }
    return found;
  }
}
