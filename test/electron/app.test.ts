import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { build } from 'electron-vite';
import { parseAst } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { installedElectronBinary } from '../../scripts/ensure-electron/installed';
import { isTestCode, shipped } from '../helpers/packaging';

/**
 * The app as it ships. What needs no Electron binary runs everywhere: the built main and preload
 * load only what a packaged app contains, and the packaged file list holds no test code. Only the
 * launch itself needs the binary; it is skipped, saying why, where `npm start` could not fetch it.
 */
const root = resolve(import.meta.dirname, '../..');
const binary = installedElectronBinary();
const reason =
  'the Electron binary is not installed (node_modules/electron/dist is missing; it cannot be downloaded on this machine)';
if (!binary)
  console.warn(`[electron smoke test] launch SKIPPED: ${reason}. Run it where \`npm start\` can fetch Electron.`);

/** Bare module specifiers a bundled file loads at run time: imports, `import()` and `require()`. */
function runtimeImports(file: string): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const { type, source, callee, arguments: args } = node as Record<string, unknown> & { type?: string };
    const literal = (value: unknown) => (value as { value?: unknown } | null)?.value;
    if (type === 'ImportDeclaration' || type === 'ImportExpression' || type?.startsWith('Export'))
      if (typeof literal(source) === 'string') found.add(literal(source) as string);
    if (type === 'CallExpression' && (callee as { name?: string }).name === 'require')
      if (typeof literal((args as unknown[])[0]) === 'string') found.add(literal((args as unknown[])[0]) as string);
    Object.values(node).forEach(visit);
  };
  visit(parseAst(readFileSync(file, 'utf8')));
  return [...found].filter((specifier) => !specifier.startsWith('.'));
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

describe('the app as packaged', () => {
  beforeAll(async () => {
    await build({ root, logLevel: 'warn' });
  }, 120_000);

  it('main and its workers import only Node, Electron and production dependencies (nothing that exists only in dev)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const allowed = (specifier: string) =>
      specifier.startsWith('node:') ||
      builtinModules.includes(specifier) ||
      specifier === 'electron' ||
      packageName(specifier) in manifest.dependencies;
    const files = readdirSync(join(root, 'out/main')).filter((name) => name.endsWith('.js'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'structure-worker.js']));
    const imports = files.flatMap((name) => runtimeImports(join(root, 'out/main', name)));
    expect(imports).toContain('better-sqlite3');
    expect(imports.filter((specifier) => !allowed(specifier))).toEqual([]);
  });

  it('the sandboxed preload requires nothing but electron', () => {
    expect(runtimeImports(join(root, 'out/preload/index.cjs'))).toEqual(['electron']);
  });

  it('the packaged file list holds the app and no test code', () => {
    const packed = [...filesUnder(join(root, 'out')), 'package.json'].filter((path) => shipped(path));
    expect(packed).toEqual(
      expect.arrayContaining(['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']),
    );
    expect(packed.filter(isTestCode)).toEqual([]);
  });

  it.skipIf(!binary)(
    binary ? 'starts, shows the shell, and keeps Node out of the renderer' : `launch skipped: ${reason}`,
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'hearth-electron-'));
      const app = await electron.launch({
        executablePath: binary!,
        args: [join(root, 'out/main/index.js')],
        env: { ...process.env, HEARTH_DATA_DIR: dataDir },
      });
      try {
        const page = await app.firstWindow();
        await page.getByRole('navigation', { name: 'Main' }).waitFor();
        expect(await page.title()).toBe('Hearth');
        const probe = await page.evaluate(async () => ({
          node: typeof (globalThis as { require?: unknown }).require,
          process: typeof (globalThis as { process?: unknown }).process,
          info: await window.hearth!.invoke('app.info'),
        }));
        expect(probe.node).toBe('undefined');
        expect(probe.process).toBe('undefined');
        expect(probe.info).toMatchObject({ ok: true, value: { dataDir } });
        const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getURL());
        expect(url.startsWith('app://hearth/')).toBe(true);
      } finally {
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
