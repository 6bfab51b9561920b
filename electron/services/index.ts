import { randomUUID } from 'node:crypto';
import type { StoreRecovered } from '../ipc/contract';
import { AppInfoService } from './app/app-info';
import { Notices } from './app/notices';
import type { EmitEvent } from './events';
import { LlamaRuntime, type LlamaRuntimeOptions } from './llama/runtime';
import { loadCatalog } from './models/catalog';
import { stopGgufValidator } from './models/gguf/gguf-validator';
import { DownloadService, type DownloadServiceOptions } from './models/downloads/download-service';
import type { MemoryState } from './models/fit';
import { ModelsService } from './models/models-service';
import { SettingsService } from './settings/settings-service';
import type { CatalogEntry } from '../ipc/schemas/catalog';
import { openStore, type Store } from './store/store';

export interface ServicesOptions {
  /** Where Hearth keeps its databases and models (Electron's `userData` in the app). */
  dataDir: string;
  appVersion: string;
  /** `process.versions.electron` in the app, `null` elsewhere. Defaults to `null`. */
  electronVersion?: string | null;
  /** Receives every event for the windows. */
  emit: EmitEvent;
  /** Where sqlite-vec is; defaults to the installed package's own path. */
  vecExtensionPath?: string;
  llama?: LlamaRuntimeOptions;
  /** Overrides how free memory is read (fit estimates). Defaults to the OS and llama.cpp. */
  memory?: () => Promise<MemoryState>;
  /** Where and how downloads go. Defaults to Hugging Face over https with the global fetch. */
  downloads?: Partial<
    Pick<
      DownloadServiceOptions,
      'hubBaseUrl' | 'isAllowedUrl' | 'fetch' | 'freeSpace' | 'retryDelayMs' | 'spaceCheckBytes'
    >
  >;
}

/** Every service, wired once. Main, the CLI and the test bridge all start Hearth through this. */
export interface Services {
  store: Store;
  notices: Notices;
  settings: SettingsService;
  appInfo: AppInfoService;
  llama: LlamaRuntime;
  models: ModelsService;
  downloads: DownloadService;
  catalog: CatalogEntry[];
  dispose(): Promise<void>;
}

export function createServices(options: ServicesOptions): Services {
  const notices = new Notices();
  const store = openStore({
    dataDir: options.dataDir,
    vecExtensionPath: options.vecExtensionPath,
    onRecovered(database, recovery) {
      const data: StoreRecovered = {
        database,
        movedTo: recovery.movedTo,
        reason: recovery.reason,
        at: recovery.at.toISOString(),
      };
      notices.add({ kind: 'store.recovered', id: randomUUID(), data });
      options.emit('store.recovered', data);
    },
  });
  const llama = new LlamaRuntime(options.llama);
  const settings = new SettingsService(store.hearth, options.emit);
  const models = new ModelsService({
    db: store.hearth,
    dataDir: options.dataDir,
    llama,
    emit: options.emit,
    memory: options.memory,
    modelsPerRole: () => settings.get().modelsPerRole,
  });
  const catalog = loadCatalog();
  const downloads = new DownloadService({
    modelsDir: models.library.modelsDir,
    catalog,
    settings,
    register: (path) => models.addDownloaded(path),
    emit: options.emit,
    ...options.downloads,
  });
  return {
    store,
    downloads,
    catalog,
    notices,
    llama,
    models,
    settings,
    appInfo: new AppInfoService({
      appVersion: options.appVersion,
      dataDir: options.dataDir,
      electronVersion: options.electronVersion ?? null,
      db: store.hearth,
      llama,
    }),
    async dispose() {
      await models.dispose();
      await llama.dispose();
      await stopGgufValidator();
      store.close();
    },
  };
}
