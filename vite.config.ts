import { resolve } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/main/csp';

const root = import.meta.dirname;

/** Puts the app's CSP into the built index.html (dev builds need inline HMR scripts, so build only). */
function cspMeta(): Plugin {
  return {
    name: 'hearth-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** The React renderer. Shared by `electron.vite.config.ts` and the e2e build (`npm run build:renderer`). */
export const rendererConfig: UserConfig = {
  root: resolve(root, 'app'),
  base: './',
  plugins: [react(), tailwindcss(), cspMeta()],
  build: {
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: resolve(root, 'app/index.html') },
  },
};

export default defineConfig(rendererConfig);
