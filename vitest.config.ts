import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Generous limits: a timeout here catches a hang, never a slow machine. CI shares its two cores
 * with whatever else runs, and no test may depend on how fast that is.
 */
const SLOW = { testTimeout: 600_000, hookTimeout: 600_000 };

/**
 * The background entries start from bundles built once per run (see test/setup/entries.ts),
 * inside the project so that their imports of packages resolve.
 */
const prebuiltEntries = {
  globalSetup: ['test/setup/entries.ts'],
  env: { HEARTH_ENTRY_DIR: resolve(import.meta.dirname, 'node_modules/.cache/hearth-test/entries') },
};

/**
 * Four projects, run by `npm test`:
 * - unit: model-free, fast, plain Node (jsdom where a file asks for it).
 * - integration: real SQLite files with sqlite-vec, real node-llama-cpp, real loopback servers.
 * - e2e: the built renderer in Debian Chromium against real services through the test bridge.
 * - electron: the real app, where the Electron binary is installed (skipped, saying so, elsewhere).
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/setup/summary-reporter.ts'],
    // One file more than there are cores: much of the suite waits on child processes, servers and
    // the browser. (Vitest's default, one fewer than the cores, ran one file at a time on two.)
    maxWorkers: availableParallelism() + 1,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node', testTimeout: 60_000 } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], ...SLOW, ...prebuiltEntries } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts', ...prebuiltEntries.globalSetup],
          env: prebuiltEntries.env,
          ...SLOW,
          expect: { poll: { timeout: 120_000 } },
          // One browser at a time: two cores, and each test starts its own services.
          fileParallelism: false,
        },
      },
      { test: { name: 'electron', include: ['test/electron/**/*.test.ts'], ...SLOW } },
    ],
  },
});
