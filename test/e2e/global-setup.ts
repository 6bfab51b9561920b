import { resolve } from 'node:path';
import { build } from 'vite';
import { rendererConfig } from '../../vite.config';

export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');
export const SHIM_DIR = resolve(import.meta.dirname, '../../out/test-bridge');

/**
 * Builds what the browser loads: the production renderer (exactly what Electron serves from
 * app://) and the test bridge's shim. Runs once per e2e run.
 */
export default async function setup(): Promise<void> {
  await build({ ...rendererConfig, configFile: false, logLevel: 'warn' });
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: SHIM_DIR,
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: resolve(import.meta.dirname, '../bridge/shim.ts'),
        formats: ['iife'],
        name: 'hearthTestBridge',
        fileName: () => 'shim.js',
      },
    },
  });
}
