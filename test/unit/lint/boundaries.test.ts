import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Proves each import boundary is enforced by the real eslint.config.js: a violating snippet at a
 * path inside the guarded folder must produce the rule's error, and an allowed one must not.
 * Removing a rule from the config makes these fail.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message);
}

describe('renderer boundary (app/)', () => {
  const file = 'app/features/example/example.ts';

  it.each([
    ["import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;", 'talk to main through app/api.ts'],
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", 'Node built-ins are not available'],
    ["import Database from 'better-sqlite3';\nexport const x = Database;", 'cannot load native packages'],
    ["import { getLlama } from 'node-llama-cpp';\nexport const x = getLlama;", 'cannot load native packages'],
    [
      "import { createServices } from '../../../electron/services';\nexport const x = createServices;",
      'only import types',
    ],
    ["import { contract } from '../../../electron/ipc/contract';\nexport const x = contract;", 'use `import type`'],
  ])('refuses %s', async (code, expected) => {
    const messages = await restrictedImports(code, file);
    expect(messages.join('\n')).toContain(expected);
  });

  it('allows the shared formatters, a runtime import from electron/ipc', async () => {
    const code = "import { formatBytes } from '../../../electron/ipc/format';\nexport const x = formatBytes;";
    expect(await restrictedImports(code, file)).toEqual([]);
  });

  it('allows type imports from electron/ipc', async () => {
    const code = "import type { Settings } from '../../../electron/ipc/contract';\nexport type X = Settings;";
    expect(await restrictedImports(code, file)).toEqual([]);
  });
});

describe('services and CLI boundary', () => {
  it.each(['electron/services/store/example.ts', 'electron/services/handlers/index.ts', 'electron/cli/example.ts'])(
    'refuses electron in %s',
    async (file) => {
      const messages = await restrictedImports("import { app } from 'electron';\nexport const x = app;", file);
      expect(messages.join('\n')).toContain('run in plain Node');
    },
  );

  it('refuses imports from main in services', async () => {
    const code = "import { broadcast } from '../../main/ipc-server';\nexport const x = broadcast;";
    const messages = await restrictedImports(code, 'electron/services/models/example.ts');
    expect(messages.join('\n')).toContain('Services never import main');
  });

  it('still lets main glue import electron', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;";
    expect(await restrictedImports(code, 'electron/main/window.ts')).toEqual([]);
  });
});

describe('ipc boundary', () => {
  it('refuses anything but zod and its own files', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;";
    const messages = await restrictedImports(code, 'electron/ipc/example.ts');
    expect(messages.join('\n')).toContain('may import only zod and itself');
  });

  it('allows zod and siblings', async () => {
    const code = "import { z } from 'zod';\nimport { contract } from './contract';\nexport const x = [z, contract];";
    expect(await restrictedImports(code, 'electron/ipc/example.ts')).toEqual([]);
  });
});

describe('migrations boundary', () => {
  const file = 'electron/services/store/migrations/library/0099-example.ts';

  it('refuses live code in a shipped migration: changing that code would change history', async () => {
    const code = "import { vecTable } from '../../../library/embedders';\nexport const x = vecTable;";
    expect((await restrictedImports(code, file)).join('\n')).toContain('carries its own definitions');
  });

  it('allows the Migration type, the database type and its own folder', async () => {
    const code = [
      "import type { Migration } from '../../migration';",
      "import type { Database } from 'better-sqlite3';",
      "import { other } from './0098-other';",
      'export type X = [Migration, Database, typeof other];',
    ].join('\n');
    expect(await restrictedImports(code, file)).toEqual([]);
  });
});

describe('library.db has one owner', () => {
  async function sqlMessages(code: string, filePath: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? [])
      .filter((message) => message.ruleId === 'no-restricted-syntax')
      .map((message) => message.message);
  }

  it.each([
    ['electron/services/search/example.ts', "export const q = 'SELECT path FROM documents WHERE id = ?';"],
    ['electron/services/chat/example.ts', 'export const q = `SELECT text FROM chunks WHERE document_id = ${1}`;'],
    ['electron/services/api-server/example.ts', "export const q = 'SELECT rowid FROM chunks_fts WHERE x MATCH ?';"],
    ['electron/cli/example.ts', "export const q = 'DELETE FROM collections WHERE id = ?';"],
    ['electron/services/models/example.ts', "export const q = 'INSERT INTO embeddings (chunk_id) VALUES (?)';"],
  ])('refuses SQL on library tables in %s', async (file, code) => {
    expect((await sqlMessages(code, file)).join('\n')).toContain('belongs to the library domain');
  });

  it('allows it in the library domain, and SQL on other tables elsewhere', async () => {
    const library = "export const q = 'SELECT path FROM documents WHERE id = ?';";
    expect(await sqlMessages(library, 'electron/services/library/reads/example.ts')).toEqual([]);
    const chat = "export const q = 'SELECT id FROM messages WHERE conversation_id = ?';";
    expect(await sqlMessages(chat, 'electron/services/chat/example.ts')).toEqual([]);
  });

  it.each([
    ["import { listSources } from '../library/reads/collection-reads';\nexport const x = listSources;", 'search'],
    ["import { embeddedCount } from '../library/embedders';\nexport const x = embeddedCount;", 'chat'],
  ])('refuses library internals in %s', async (code, domain) => {
    const messages = await restrictedImports(code, `electron/services/${domain}/example.ts`);
    expect(messages.join('\n')).toContain('read the library through its read API');
  });

  it('allows the read API in search and chat, and keeps the services rules there', async () => {
    const code = "import type { LibraryIndex } from '../library/reads';\nexport type X = LibraryIndex;";
    expect(await restrictedImports(code, 'electron/services/search/example.ts')).toEqual([]);
    const electron = "import { app } from 'electron';\nexport const x = app;";
    expect((await restrictedImports(electron, 'electron/services/chat/example.ts')).join('\n')).toContain(
      'run in plain Node',
    );
  });
});

describe('text the window shows (app/**/*.tsx)', () => {
  const file = 'app/features/example/example.tsx';
  const uiText = async (code: string) => {
    const [result] = await eslint.lintText(code, { filePath: file });
    return (result?.messages ?? []).filter((message) => message.message.includes('comes from the translations'));
  };

  it.each([
    ['text between tags', 'export const X = () => <p>Hello there</p>;'],
    ['a text attribute', 'export const X = () => <button aria-label="Close" />;'],
    ['a placeholder in braces', "export const X = () => <input placeholder={'Search'} />;"],
    ['a string shown as a child', "export const X = ({ busy }: { busy: boolean }) => <b>{busy ? 'Stop' : 'Send'}</b>;"],
    ['a template shown as a child', 'export const X = ({ n }: { n: number }) => <b>{`${n} files`}</b>;'],
  ])('refuses %s', async (_, code) => {
    expect((await uiText(code)).length).toBeGreaterThan(0);
  });

  it('allows translations, symbols, numbers and class names', async () => {
    const code = [
      "import { useTranslation } from 'react-i18next';",
      'export function X({ n }: { n: number }) {',
      '  const { t } = useTranslation();',
      "  return <p className=\"text-sm\" aria-label={t('a.b')}>{t('a.c')} · {n}/2 —</p>;",
      '}',
    ].join('\n');
    expect(await uiText(code)).toEqual([]);
  });
});
