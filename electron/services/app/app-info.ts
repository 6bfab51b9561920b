import { arch, freemem, platform } from 'node:os';
import type { AppInfo } from '../../ipc/contract';
import type { LlamaRuntime } from '../llama/runtime';
import { readHardware } from '../machine/hardware';
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
    const hardware = await readHardware(this.#options.llama);
    return {
      appVersion: this.#options.appVersion,
      dataDir: this.#options.dataDir,
      platform: platform(),
      arch: arch(),
      cpuModel: hardware.cpuModel,
      cpuCores: hardware.cpuCores,
      totalMemory: hardware.totalMemory,
      freeMemory: freemem(),
      compute: hardware.compute,
      nodeVersion: process.versions.node,
      electronVersion: this.#options.electronVersion,
      sqliteVersion: versions.sqlite,
      sqliteVecVersion: versions.vec,
    };
  }
}
