import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface PhysicalCoresOptions {
  /** Defaults to `process.platform`. */
  platform?: NodeJS.Platform;
  /** Where Linux describes its CPUs. Defaults to `/sys/devices/system/cpu`; tests point elsewhere. */
  sysfsCpuDir?: string;
  /** Defaults to `os.availableParallelism()`. */
  logicalCores?: number;
}

/**
 * Physical cores: llama.cpp's threads spin on shared execution units, so a core's second
 * hyper-thread adds nothing and usually slows generation down. Read from the OS (Linux sysfs
 * topology, macOS `sysctl hw.physicalcpu`); where it cannot say, the logical count, which is the
 * safe upper bound. Never more than the logical cores this process may use.
 */
export async function physicalCores(options: PhysicalCoresOptions = {}): Promise<number> {
  const logical = options.logicalCores ?? availableParallelism();
  const platform = options.platform ?? process.platform;
  let counted: number | null = null;
  if (platform === 'linux') counted = linuxCores(options.sysfsCpuDir ?? '/sys/devices/system/cpu');
  else if (platform === 'darwin') counted = await darwinCores();
  return Math.max(1, Math.min(logical, counted ?? logical));
}

/** Distinct (package, core) pairs over the online CPUs. */
function linuxCores(dir: string): number | null {
  try {
    const cores = new Set<string>();
    for (const name of readdirSync(dir).filter((entry) => /^cpu\d+$/.test(entry))) {
      const topology = join(dir, name, 'topology');
      const read = (file: string) => readFileSync(join(topology, file), 'utf8').trim();
      try {
        cores.add(`${read('physical_package_id')}:${read('core_id')}`);
      } catch {
        // An offline CPU has no topology: it is not one this process can use.
      }
    }
    return cores.size || null;
  } catch {
    return null;
  }
}

async function darwinCores(): Promise<number | null> {
  try {
    const { stdout } = await promisify(execFile)('sysctl', ['-n', 'hw.physicalcpu'], { timeout: 2000 });
    const count = Number.parseInt(stdout.trim(), 10);
    return Number.isFinite(count) && count > 0 ? count : null;
  } catch {
    return null;
  }
}
