import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { build } from 'electron-vite';
import { parseAst } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { installedElectronBinary } from '../../scripts/ensure-electron/installed';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build as buildInstallers, Platform } from 'electron-builder';
import { parse } from 'yaml';
import { isTestCode, shipped } from '../helpers/packaging';
import { itWhere } from '../helpers/platform';
import { writeStandInElectron } from '../helpers/stand-in-electron';

/**
 * The app as it ships. What needs no Electron binary runs everywhere: the built main and preload
 * load only what a packaged app contains, and the packaged file list holds no test code; on Linux,
 * electron-builder packs the app for real around a stand-in Electron. Only the launch itself needs
 * the binary; it is skipped, saying why, where `npm start` could not fetch it.
 */
const root = resolve(import.meta.dirname, '../..');
const binary = installedElectronBinary();
const reason =
  'the Electron binary is not installed (node_modules/electron/dist is missing): run it where `npm start` can fetch Electron';

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
  });

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

  itWhere(
    process.platform === 'linux' && (process.arch === 'x64' || process.arch === 'arm64'),
    'the stand-in Electron is a Linux one; macOS and Windows runners build their real installers (npm run dist)',
  )('packs what a user installs: the app in app.asar, each native module beside it, the fuses set', async () => {
    const work = mkdtempSync(join(tmpdir(), 'hearth-packaged-'));
    try {
      const standIn = join(work, 'electron-dist');
      writeStandInElectron(standIn);
      const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
      const arch = process.arch === 'arm64' ? Arch.arm64 : Arch.x64;
      await buildInstallers({
        projectDir: root,
        targets: Platform.LINUX.createTarget('dir', arch),
        publish: 'never',
        // The native modules are N-API prebuilds: nothing to rebuild for Electron.
        config: { ...config, electronDist: standIn, npmRebuild: false, directories: { output: join(work, 'release') } },
      });
      const app = join(work, 'release', arch === Arch.arm64 ? 'linux-arm64-unpacked' : 'linux-unpacked');
      const asar = join(app, 'resources', 'app.asar');
      const unpacked = join(app, 'resources', 'app.asar.unpacked');

      // The app itself is in the archive, and nothing of the tests is.
      const packed = listPackage(asar, { isPack: false }).map((path) => path.replaceAll('\\', '/').replace(/^\//, ''));
      expect(packed).toEqual(
        expect.arrayContaining([
          'package.json',
          'out/main/index.js',
          'out/main/index-worker.js',
          'out/main/structure-worker.js',
          'out/preload/index.cjs',
          'out/renderer/index.html',
        ]),
      );
      expect(packed.filter(isTestCode)).toEqual([]);
      // The crash and stuck-file tests' hooks are compiled out of the app (electron/services/library/crash-points.ts).
      const main = packed.filter((path) => /^out\/main\/.*\.js$/.test(path));
      expect(
        main.filter((path) => /env\.HEARTH_(CRASH_AT|STALL_ON)/.test(extractFile(asar, path).toString('utf8'))),
      ).toEqual([]);

      // Native code cannot load from inside an archive: every binary is beside it, for this platform only.
      const os = `linux-${process.arch}`;
      const archived = packed.filter((path) => {
        const entry = statFile(asar, path, false) as { files?: unknown; unpacked?: boolean };
        return !entry.files && !entry.unpacked;
      });
      expect(archived.filter((path) => /\.(node|so|dylib|dll)$/.test(path))).toEqual([]);
      for (const path of [
        `node_modules/better-sqlite3/prebuilds/${os}.node`,
        `node_modules/sqlite-vec-${os}/vec0.so`,
        `node_modules/@node-llama-cpp/${os}/bins/${os}/llama-addon.node`,
        `node_modules/@napi-rs/canvas-${os}-gnu/skia.${os}-gnu.node`,
        'node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
        'node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm',
        'node_modules/pdfjs-dist/cmaps/UniJIS-UCS2-H.bcmap',
        'node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf',
      ]) {
        expect(existsSync(join(unpacked, path)), path).toBe(true);
      }
      const nativeFiles = readdirSync(unpacked, { recursive: true })
        .map(String)
        .filter((path) => path.endsWith('.node'));
      // Built for this OS and CPU (musl's build of better-sqlite3 too, for Alpine): none for another.
      expect(nativeFiles.filter((path) => !new RegExp(`linux(musl)?-${process.arch}`).test(path))).toEqual([]);
      expect(nativeFiles.filter((path) => path.includes('cuda'))).toEqual([]);

      // The fuses of electron-builder.yml, flipped in the executable a user runs ('1' on, '0' off).
      const fuses = await getCurrentFuseWire(join(app, 'hearth'));
      const [on, off] = ['1'.charCodeAt(0), '0'.charCodeAt(0)];
      expect(fuses).toMatchObject({
        [FuseV1Options.RunAsNode]: off,
        [FuseV1Options.EnableCookieEncryption]: on,
        [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: off,
        [FuseV1Options.EnableNodeCliInspectArguments]: off,
        [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: on,
        [FuseV1Options.OnlyLoadAppFromAsar]: on,
        [FuseV1Options.GrantFileProtocolExtraPrivileges]: off,
      });

      const size = (path: string): number =>
        statSync(path).isDirectory()
          ? readdirSync(path).reduce((sum, name) => sum + size(join(path, name)), 0)
          : statSync(path).size;
      const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
      console.log(
        `packed app (${os}, less Electron itself): ${mb(size(app))}; app.asar ${mb(size(asar))}, app.asar.unpacked ${mb(size(unpacked))}`,
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('starts, shows the shell, and keeps Node out of the renderer', async (ctx) => {
    if (!binary) return ctx.skip(reason);
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
  });
});
