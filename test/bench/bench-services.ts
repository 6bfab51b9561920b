import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services } from '../../electron/services';
import { simulatedMachine } from '../helpers/machine';

/**
 * The app's services for a benchmark, in a temporary data folder: no background work, a fixed
 * pretend machine (predictions do not move between runs), llama.cpp on `threads` threads.
 */
export function benchServices(name: string, threads: number): { services: Services; dispose(): Promise<void> } {
  const dataDir = mkdtempSync(join(tmpdir(), `hearth-bench-${name}-`));
  const services = createServices({
    dataDir,
    appVersion: 'bench',
    emit: () => undefined,
    backgroundTasks: false,
    llama: { maxThreads: threads },
    machine: { measure: async () => simulatedMachine() },
  });
  return {
    services,
    async dispose() {
      await services.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
