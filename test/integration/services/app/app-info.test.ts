import { availableParallelism, totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import { AppInfoSchema } from '../../../../electron/ipc/contract';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();

describe('AppInfoService', () => {
  it('reports the machine and what the native parts really loaded', async () => {
    const dir = tempDir();
    const { services } = startServices(dir);
    const info = AppInfoSchema.parse(await services.appInfo.get());
    expect(info).toMatchObject({
      appVersion: '0.0.0-test',
      dataDir: dir,
      platform: process.platform,
      arch: process.arch,
      cpuCores: availableParallelism(),
      totalMemory: totalmem(),
      nodeVersion: process.versions.node,
      electronVersion: null,
    });
    expect(info.sqliteVersion).toMatch(/^3\.\d+\.\d+$/);
    expect(info.sqliteVecVersion).toMatch(/^v0\.1\.\d+/);
    // node-llama-cpp really loaded (no error), and on these machines without a GPU it says so.
    expect(info.compute.error).toBeUndefined();
    expect(['cpu', 'cuda', 'vulkan', 'metal']).toContain(info.compute.gpu);
    await services.dispose();
  });
});
