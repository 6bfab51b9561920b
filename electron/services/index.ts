import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { StoreRecovered } from '../ipc/contract';
import { HearthError } from '../ipc/errors';
import { AppInfoService } from './app/app-info';
import { Notices } from './app/notices';
import type { EmitEvent } from './events';
import { LlamaRuntime, type LlamaRuntimeOptions } from './llama/runtime';
import { loadCatalog } from './models/catalog';
import { stopGgufValidator } from './models/gguf/gguf-validator';
import { DownloadService, type DownloadServiceOptions } from './models/downloads/download-service';
import type { MemoryState } from './models/fit';
import { ModelsService } from './models/models-service';
import { Embedder } from './models/embedder';
import { Reranker } from './models/reranker';
import type { LibraryServiceOptions } from './library/library-options';
import { LibraryService } from './library/library-service';
import { LibraryIndex } from './library/reads';
import type { ForkEntry } from './workers/child-process';
import { MachineService } from './machine/machine-service';
import { ChatService } from './chat/chat-service';
import { SearchService } from './search/search-service';
import { ApiKeyStore } from './api-server/api-key';
import { ApiServer } from './api-server/api-server';
import { SettingsService } from './settings/settings-service';
import type { CatalogEntry } from '../ipc/schemas/catalog';
import type { MachineProfile } from '../ipc/schemas/machine';
import type { Settings } from '../ipc/schemas/settings';
import { checkIntegrityInBackground, stopIntegrityChecker } from './store/integrity';
import { openStore, type Store } from './store/store';
import { LocalModels, type LocalModelsOptions } from './models/discovery/local-models';
import { UpdateChecker } from './updates/update-checker';
import { NetworkLog } from './network/network-log';
import { mainText } from '../ipc/main-text';

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
  /**
   * How the machine is measured for speed predictions. Defaults to the real probe, started a few
   * seconds after start-up in the background. Tests pass a simulated profile.
   */
  machine?: { measure?: () => Promise<MachineProfile> };
  /** Library tuning; tests shorten the quiet time before a re-index and the time limit per file. */
  library?: Pick<
    LibraryServiceOptions,
    'syncDebounceMs' | 'syncBusyRetryMs' | 'maxFileBytes' | 'fileTimeoutMs' | 'embedBatchSize' | 'indexerHeapMb'
  >;
  /**
   * How Hearth starts its background processes (the indexer). Defaults to Node's
   * `child_process.fork`; the app passes Electron's `utilityProcess`.
   */
  fork?: ForkEntry;
  /** The recommended models. Defaults to native-models/catalog.json; tests pin their own files. */
  catalog?: CatalogEntry[];
  /** Where other apps' models are looked for. Defaults to this user's home; tests use a temp one. */
  localModels?: LocalModelsOptions;
  /**
   * Start the background work of a long-running app (machine measurement, integrity check).
   * Defaults to `true`; the CLI, which runs one command and exits, turns it off.
   */
  backgroundTasks?: boolean;
  /**
   * Follow the Settings switch of the local API (start it when it is on). Defaults to `true`; the
   * CLI turns it off, so no command but `hearth serve` opens a port.
   */
  apiServer?: boolean;
  /**
   * Where "Check for updates" looks: the release folder (update-feed.ts), `null` for a build without
   * one; the fetch under the network log and the platform's release file are for tests.
   */
  updates?: { feedUrl: string | null; fetch?: typeof fetch; platform?: NodeJS.Platform };
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
  machine: MachineService;
  library: LibraryService;
  /** The library's embedding model: vectors for chunks and for search queries. */
  embedder: Embedder;
  search: SearchService;
  /** Conversations and grounded answers. */
  chat: ChatService;
  /** "Check for updates", when the user asks. */
  updates: UpdateChecker;
  /** The OpenAI-compatible local API (off until Settings or `hearth serve` starts it), and its key. */
  api: ApiServer;
  apiKeys: ApiKeyStore;
  downloads: DownloadService;
  /** Every request Hearth made to the network in this session. */
  network: NetworkLog;
  /** Models other apps (LM Studio, Jan, GPT4All, Ollama) downloaded, found on disk. */
  localModels: LocalModels;
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
        repair: recovery.repair,
      };
      notices.add({ kind: 'store.recovered', id: randomUUID(), data });
      options.emit('store.recovered', data);
    },
    onTightened(paths) {
      notices.add({ kind: 'store.private', id: randomUUID(), data: { paths } });
    },
  });
  const llama = new LlamaRuntime(options.llama);
  const settings = new SettingsService(store.hearth, options.emit);
  const machine = new MachineService({ db: store.hearth, llama, measure: options.machine?.measure });
  // Measured once per machine, in the background, after start-up has settled.
  const background = options.backgroundTasks ?? true;
  const measureSoon = setTimeout(() => background && void machine.profile().catch(() => undefined), 3000);
  measureSoon.unref();
  // The full integrity check is linear in the databases' size: off start-up, on a worker thread.
  const checkSoon = setTimeout(
    () =>
      background &&
      void checkIntegrityInBackground(
        ['hearth.db', 'library.db'].map((name) => join(options.dataDir, name)),
        (path, problems) =>
          console.error(`[store] ${path} has problems; it is checked again at the next start:`, problems),
      ).catch(() => undefined),
    30_000,
  );
  checkSoon.unref();
  const models = new ModelsService({
    db: store.hearth,
    dataDir: options.dataDir,
    llama,
    emit: options.emit,
    memory: options.memory,
    modelsPerRole: () => settings.get().modelsPerRole,
    machine,
    targetTokensPerSecond: () => settings.get().targetTokensPerSecond,
    fork: options.fork,
  });
  const catalog = options.catalog ?? loadCatalog();
  const embedder = new Embedder({ models, catalog, chosen: () => settings.get().embeddingModel });
  const library = new LibraryService({
    db: store.library,
    libraryDbPath: join(options.dataDir, 'library.db'),
    vecExtensionPath: options.vecExtensionPath,
    ocr: () => ({ enabled: settings.get().ocrEnabled, maxPages: settings.get().ocrMaxPages }),
    onChanged: (collections) => options.emit('library.changed', collections),
    fork: options.fork,
    embedder: () => {
      const spec = embedder.current();
      return (
        spec && {
          ...spec,
          embed: (texts, signal) => embedder.embedDocuments(spec, texts, signal),
          chunking: (signal) => embedder.chunking(spec, signal),
          countTokens: (texts, signal) => embedder.countTokens(spec, texts, signal),
        }
      );
    },
    ...options.library,
  });
  // A new (or first) embedding model fills its vectors in the background.
  models.onChange(() => library.embedderMayHaveChanged());
  settings.onChange(() => library.embedderMayHaveChanged());
  const reranker = new Reranker({ models });
  const index = new LibraryIndex(store.library);
  const search = new SearchService({
    index,
    embedder: {
      currentKey: () => embedder.current()?.key ?? null,
      installed: (key) => embedder.withKey(key) !== null,
      async embed(key, text, signal) {
        const spec = embedder.withKey(key);
        return spec ? embedder.embedQuery(spec, text, signal) : null;
      },
    },
    reranker: {
      current: () => reranker.current()?.name ?? null,
      async rank(query, passages, signal) {
        const spec = reranker.current();
        if (!spec) throw new HearthError('MODEL_NOT_FOUND', mainText('library.rerankerRemoved'));
        return reranker.rank(spec, query, passages, signal);
      },
    },
  });
  const chat = new ChatService({ db: store.hearth, index, models, search });
  const apiKeys = new ApiKeyStore(store.hearth);
  const api = new ApiServer({
    models,
    chat,
    embedder,
    library,
    keys: apiKeys,
    allowedOrigins: () => settings.get().apiAllowedOrigins,
    onChange: (state) => options.emit('api.changed', state),
  });
  // The Settings switch starts and stops the local API; `hearth serve` starts it by hand instead.
  const followApiSetting = (current: Settings) =>
    void (current.apiServerEnabled ? api.start(current.apiServerPort) : api.stop());
  if (options.apiServer !== false) {
    followApiSetting(settings.get());
    settings.onChange(followApiSetting);
  }
  const network = new NetworkLog({ onChange: (requests) => options.emit('network.changed', requests) });
  const downloads = new DownloadService({
    modelsDir: models.modelsDir,
    catalog,
    settings,
    register: (path) => models.addDownloaded(path),
    emit: options.emit,
    ...options.downloads,
    // Every byte Hearth fetches is a model download, and each request is logged before it is sent.
    fetch: network.fetch('model-download', options.downloads?.fetch),
  });
  const updates = new UpdateChecker({
    feedUrl: options.updates?.feedUrl ?? null,
    currentVersion: options.appVersion,
    fetch: network.fetch('update-check', options.updates?.fetch),
    airGap: () => settings.get().airGap,
    platform: options.updates?.platform,
  });
  return {
    store,
    updates,
    downloads,
    network,
    localModels: new LocalModels(models, options.localModels),
    catalog,
    notices,
    llama,
    models,
    machine,
    library,
    embedder,
    search,
    chat,
    api,
    apiKeys,
    settings,
    appInfo: new AppInfoService({
      appVersion: options.appVersion,
      dataDir: options.dataDir,
      electronVersion: options.electronVersion ?? null,
      db: store.hearth,
      llama,
    }),
    async dispose() {
      clearTimeout(measureSoon);
      await api.stop();
      await library.stopSync();
      clearTimeout(checkSoon);
      await stopIntegrityChecker();
      await machine.idle();
      await models.dispose();
      await llama.dispose();
      await stopGgufValidator();
      store.close();
    },
  };
}
