import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.config';

const root = import.meta.dirname;

/** Native packages load their own binaries at run time, so they stay outside the bundle. */
const nativeExternals = ['better-sqlite3', 'node-llama-cpp', 'sqlite-vec'];

export default defineConfig({
  main: {
    // The crash and stuck-file tests' hooks (electron/services/library/crash-points.ts) are not in the app.
    define: { 'process.env.HEARTH_CRASH_AT': 'undefined', 'process.env.HEARTH_STALL_ON': 'undefined' },
    build: {
      outDir: resolve(root, 'out/main'),
      lib: {
        entry: {
          index: resolve(root, 'electron/main/index.ts'),
          // Worker threads and child processes load their own entry file (see electron/services/workers/).
          'structure-worker': resolve(root, 'electron/services/models/gguf/structure-worker.ts'),
          'index-worker': resolve(root, 'electron/services/library/index-worker.ts'),
          'integrity-worker': resolve(root, 'electron/services/store/integrity-worker.ts'),
          'probe-worker': resolve(root, 'electron/services/models/probe/probe-worker.ts'),
        },
        formats: ['es'],
      },
      rollupOptions: { external: nativeExternals },
    },
  },
  preload: {
    build: {
      // The sandbox gives a preload `require('electron')` and nothing else, so zod must be bundled.
      externalizeDeps: false,
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot be an ES module.
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: rendererConfig,
});
