import { resolve } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/main/csp';

const root = import.meta.dirname;

/**
 * Puts the app's CSP into the built index.html (dev builds need inline HMR scripts, so build only).
 * `frame-ancestors` only works as a header (app:// sends it), so it is left out of the tag.
 */
function cspMeta(): Plugin {
  const metaPolicy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'hearth-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy },
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
    // The app loads its code from disk, not a network. The one large chunk is the Markdown
    // renderer (unified, KaTeX, shiki's core), loaded apart from the app shell; shiki's grammars
    // are split one per language.
    chunkSizeWarningLimit: 2500,
    rollupOptions: { input: resolve(root, 'app/index.html') },
  },
};

export default defineConfig(rendererConfig);
