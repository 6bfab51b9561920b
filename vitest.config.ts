import { defineConfig } from 'vitest/config';

/**
 * Four projects, run by `npm test`:
 * - unit: model-free, fast, plain Node (jsdom where a file asks for it).
 * - integration: real SQLite files with sqlite-vec, real node-llama-cpp, real loopback servers.
 * - e2e: the built renderer in Debian Chromium against real services through the test bridge.
 * - electron: the real app, where the Electron binary is installed (skipped, saying so, elsewhere).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: two cores, and each test starts its own services.
          fileParallelism: false,
        },
      },
      { test: { name: 'electron', include: ['test/electron/**/*.test.ts'], testTimeout: 120_000 } },
    ],
  },
});
