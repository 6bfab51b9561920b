import { MachineProfileSchema, type MachineProfile } from '../../ipc/contract';
import type { LlamaRuntime } from '../llama/runtime';
import type { SqliteDatabase } from '../store/db';
import { measureBandwidth } from './bandwidth';
import { readHardware } from './hardware';
import { physicalCores } from './physical-cores';

export interface MachineServiceOptions {
  db: SqliteDatabase;
  llama: LlamaRuntime;
  /**
   * Measures the machine. Defaults to the real probe (OS facts, llama.cpp's backend, a memory
   * bandwidth run of about a second). Tests pass a simulated profile instead.
   */
  measure?: () => Promise<MachineProfile>;
}

/**
 * The machine profile speed predictions use: measured once, in the background, and cached in
 * `hearth.db`. Measured again only when the hardware it describes changed (another CPU, more RAM,
 * a data folder moved to another computer).
 */
export class MachineService {
  readonly #options: MachineServiceOptions;
  #current: MachineProfile | null = null;
  #measuring: Promise<MachineProfile> | null = null;

  constructor(options: MachineServiceOptions) {
    this.#options = options;
  }

  /** The profile if it is known now, without waiting. */
  current(): MachineProfile | null {
    return this.#current;
  }

  /** The profile, measuring it first if there is none for this hardware. Starts at most one run. */
  profile(): Promise<MachineProfile> {
    if (this.#current) return Promise.resolve(this.#current);
    this.#measuring ??= this.#load().finally(() => (this.#measuring = null));
    return this.#measuring;
  }

  /** Waits for a measurement that is running, if any (so shutdown never cuts one off mid-write). */
  async idle(): Promise<void> {
    await this.#measuring?.catch(() => undefined);
  }

  async #load(): Promise<MachineProfile> {
    const hardware = await readHardware(this.#options.llama);
    const cached = this.#read();
    const sameHardware =
      cached &&
      cached.cpuModel === hardware.cpuModel &&
      cached.logicalCores === hardware.cpuCores &&
      cached.totalMemory === hardware.totalMemory &&
      cached.gpu === hardware.compute.gpu;
    const profile = sameHardware
      ? cached
      : await (this.#options.measure ?? (() => measureMachine(this.#options.llama)))();
    if (!sameHardware) this.#write(profile);
    this.#current = profile;
    return profile;
  }

  #read(): MachineProfile | null {
    const row = this.#options.db.prepare('SELECT profile FROM machine_profile WHERE id = 1').get() as
      | { profile: string }
      | undefined;
    const parsed = row ? MachineProfileSchema.safeParse(JSON.parse(row.profile)) : null;
    return parsed?.success ? parsed.data : null;
  }

  #write(profile: MachineProfile): void {
    this.#options.db
      .prepare(
        `INSERT INTO machine_profile (id, profile, measured_at) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET profile = excluded.profile, measured_at = excluded.measured_at`,
      )
      .run(JSON.stringify(profile), Date.parse(profile.measuredAt));
  }
}

/** The real probe: what the OS and llama.cpp say, and a memory bandwidth run on every physical core. */
export async function measureMachine(llama: LlamaRuntime): Promise<MachineProfile> {
  const hardware = await readHardware(llama);
  const cores = await physicalCores({ logicalCores: hardware.cpuCores });
  return {
    cpuModel: hardware.cpuModel,
    logicalCores: hardware.cpuCores,
    physicalCores: cores,
    totalMemory: hardware.totalMemory,
    memoryBandwidth: await measureBandwidth({ workers: cores }),
    gpu: hardware.compute.gpu,
    vramTotal: hardware.compute.vramTotal,
    measuredAt: new Date().toISOString(),
  };
}
