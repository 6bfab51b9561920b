import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { physicalCores } from '../../../../electron/services/machine/physical-cores';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();

/** A fake `/sys/devices/system/cpu`: `cpus[i]` is [package, core] or null for an offline CPU. */
function sysfs(cpus: Array<[number, number] | null>): string {
  const dir = tempDir();
  cpus.forEach((cpu, index) => {
    const topology = join(dir, `cpu${index}`, 'topology');
    mkdirSync(cpu ? topology : join(dir, `cpu${index}`), { recursive: true });
    if (!cpu) return;
    writeFileSync(join(topology, 'physical_package_id'), `${cpu[0]}\n`);
    writeFileSync(join(topology, 'core_id'), `${cpu[1]}\n`);
  });
  mkdirSync(join(dir, 'cpufreq'));
  return dir;
}

describe('physicalCores', () => {
  it('counts a hyper-threaded core once', async () => {
    const dir = sysfs([
      [0, 0],
      [0, 1],
      [0, 0],
      [0, 1],
    ]);
    expect(await physicalCores({ platform: 'linux', sysfsCpuDir: dir, logicalCores: 4 })).toBe(2);
  });

  it('tells cores of two packages apart, and skips offline CPUs', async () => {
    const dir = sysfs([[0, 0], [1, 0], null]);
    expect(await physicalCores({ platform: 'linux', sysfsCpuDir: dir, logicalCores: 3 })).toBe(2);
  });

  it('falls back to the logical count where the OS says nothing', async () => {
    expect(await physicalCores({ platform: 'linux', sysfsCpuDir: join(tempDir(), 'missing'), logicalCores: 6 })).toBe(
      6,
    );
    expect(await physicalCores({ platform: 'win32', logicalCores: 12 })).toBe(12);
  });

  it('never reports more cores than the process may use', async () => {
    const dir = sysfs([
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    expect(await physicalCores({ platform: 'linux', sysfsCpuDir: dir, logicalCores: 2 })).toBe(2);
  });
});
