import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findModelFiles } from '../../../../electron/services/models/discovery/find-model-files';
import { knownModelFolders } from '../../../../electron/services/models/discovery/known-folders';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();

describe('finding other apps’ model files', () => {
  it('reads no more folders and lists no more files than it is allowed, however big the tree', () => {
    const root = tempDir();
    let dir = root;
    for (let depth = 0; depth < 5; depth++) {
      writeFileSync(join(dir, `model-${depth}.gguf`), 'GGUF');
      dir = join(dir, `level-${depth}`);
      mkdirSync(dir);
    }
    const folder = [{ app: 'LM Studio' as const, path: root, layout: 'files' as const }];
    expect(
      findModelFiles(folder)
        .map((file) => file.name)
        .sort(),
    ).toEqual(['model-0.gguf', 'model-1.gguf', 'model-2.gguf', 'model-3.gguf', 'model-4.gguf']);
    expect(
      findModelFiles(folder, { maxFolders: 2 })
        .map((file) => file.name)
        .sort(),
    ).toEqual(['model-0.gguf', 'model-1.gguf']);
    expect(findModelFiles(folder, { maxDepth: 0 })).toHaveLength(1);
    expect(findModelFiles(folder, { maxFiles: 3 })).toHaveLength(3);
  });

  it('looks where each app keeps its models on each platform', () => {
    const on = (platform: NodeJS.Platform, env: Record<string, string> = {}) =>
      knownModelFolders({ home: '/home/ana', platform, env }).map(({ app, path }) => `${app}: ${path}`);
    expect(on('linux')).toEqual(
      expect.arrayContaining([
        'LM Studio: /home/ana/.lmstudio/models',
        'Jan: /home/ana/.local/share/Jan/data/models',
        'GPT4All: /home/ana/.local/share/nomic.ai/GPT4All',
        'Ollama: /home/ana/.ollama/models',
      ]),
    );
    expect(on('darwin')).toContain('GPT4All: /home/ana/Library/Application Support/nomic.ai/GPT4All');
    expect(on('linux', { OLLAMA_MODELS: '/data/ollama' })).toContain('Ollama: /data/ollama');
    expect(
      on('win32', { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }).some((line) => line.startsWith('GPT4All: C:')),
    ).toBe(true);
  });
});
