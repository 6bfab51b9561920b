import { join } from 'node:path';
import type { ModelApp } from '../../../ipc/contract';

/**
 * A folder another app keeps models in. `files`: GGUF files anywhere below it (LM Studio's
 * `publisher/repo/file.gguf`, Jan's and GPT4All's flat folders). `ollama`: Ollama's store, whose
 * files are content-addressed blobs named by its manifests.
 */
export interface KnownFolder {
  app: ModelApp;
  path: string;
  layout: 'files' | 'ollama';
}

/** Where to look: the user's home, the platform and the environment (Hearth's own by default). */
export interface FolderContext {
  home: string;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * The usual model folders of LM Studio, Jan, GPT4All and Ollama on this platform, present or not
 * (the caller skips what is missing). From each app's documentation and defaults: LM Studio's
 * `~/.lmstudio/models` (and `~/.cache/lm-studio/models` before 0.3), Jan's data folder (and
 * `~/jan` before 0.5), GPT4All's data folder, Ollama's `OLLAMA_MODELS` or `~/.ollama/models`.
 */
export function knownModelFolders({ home, platform, env }: FolderContext): KnownFolder[] {
  const appData =
    platform === 'win32'
      ? (env['APPDATA'] ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env['XDG_DATA_HOME'] ?? join(home, '.local', 'share'));
  const localAppData = platform === 'win32' ? (env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local')) : appData;
  const files = (app: ModelApp, path: string): KnownFolder => ({ app, path, layout: 'files' });
  return [
    files('LM Studio', join(home, '.lmstudio', 'models')),
    files('LM Studio', join(home, '.cache', 'lm-studio', 'models')),
    files('Jan', join(appData, 'Jan', 'data', 'llamacpp', 'models')),
    files('Jan', join(appData, 'Jan', 'data', 'models')),
    files('Jan', join(home, 'jan', 'models')),
    files('GPT4All', join(localAppData, 'nomic.ai', 'GPT4All')),
    { app: 'Ollama', path: env['OLLAMA_MODELS'] ?? join(home, '.ollama', 'models'), layout: 'ollama' },
  ];
}
