import { arch, cpus, freemem, platform, totalmem, availableParallelism } from 'node:os';
import type { AppInfo, ComputeBackend } from '../../ipc/contract';
import type { LlamaRuntime } from '../llama/runtime';
import type { SqliteDatabase } from '../store/db';

export interface AppInfoOptions {
  appVersion: string;
  dataDir: string;
  /** `process.versions.electron` in the app; `null` in plain Node (CLI, tests). */
  electronVersion: string | null;
  /** Any open database with sqlite-vec loaded; used to read the SQLite and sqlite-vec versions. */
  db: SqliteDatabase;
  llama: LlamaRuntime;
}

/** What the About panel shows: the app, the machine, and what the native parts really loaded. */
export class AppInfoService {
  readonly #options: AppInfoOptions;

  constructor(options: AppInfoOptions) {
    this.#options = options;
  }

  async get(): Promise<AppInfo> {
    const { db } = this.#options;
    const versions = db.prepare('SELECT sqlite_version() AS sqlite, vec_version() AS vec').get() as {
      sqlite: string;
      vec: string;
    };
    return {
      appVersion: this.#options.appVersion,
      dataDir: this.#options.dataDir,
      platform: platform(),
      arch: arch(),
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      cpuCores: availableParallelism(),
      totalMemory: totalmem(),
      freeMemory: freemem(),
      compute: await this.#compute(),
      nodeVersion: process.versions.node,
      electronVersion: this.#options.electronVersion,
      sqliteVersion: versions.sqlite,
      sqliteVecVersion: versions.vec,
    };
  }

  async #compute(): Promise<ComputeBackend> {
    try {
      const llama = await this.#options.llama.get();
      const [devices, vram] = await Promise.all([llama.getGpuDeviceNames(), llama.getVramState()]);
      return { gpu: llama.gpu === false ? 'cpu' : llama.gpu, devices, vramTotal: vram.total, vramUsed: vram.used };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { gpu: 'cpu', devices: [], vramTotal: 0, vramUsed: 0, error: `llama.cpp could not be loaded: ${message}` };
    }
  }
}
