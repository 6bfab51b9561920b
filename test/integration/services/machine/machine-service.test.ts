import { availableParallelism, totalmem } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { MachineProfileSchema, type MachineProfile } from '../../../../electron/ipc/contract';
import type { Services } from '../../../../electron/services';
import { LlamaRuntime } from '../../../../electron/services/llama/runtime';
import { measureBandwidth } from '../../../../electron/services/machine/bandwidth';
import { readHardware } from '../../../../electron/services/machine/hardware';
import { measureMachine } from '../../../../electron/services/machine/machine-service';
import { SPEED_MODEL } from '../../../../electron/services/machine/speed';
import { copyOfModel } from '../../../helpers/models';
import { simulatedMachine } from '../../../helpers/machine';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
const running: Services[] = [];
afterEach(async () => {
  for (const services of running.splice(0)) await services.dispose();
});

function start(dataDir: string, measure: () => Promise<MachineProfile>): Services {
  const { services } = startServices(dataDir, { machine: { measure } });
  running.push(services);
  return services;
}

describe('measuring the machine', () => {
  it('really measures this computer: OS facts, llama.cpp backend, and a memory bandwidth', async () => {
    const llama = new LlamaRuntime({ maxThreads: 1 });
    try {
      const profile = MachineProfileSchema.parse(await measureMachine(llama));
      expect(profile.logicalCores).toBe(availableParallelism());
      expect(profile.physicalCores).toBeLessThanOrEqual(profile.logicalCores);
      expect(profile.totalMemory).toBe(totalmem());
      // Any computer that can run a model streams memory faster than 1 GB/s.
      expect(profile.memoryBandwidth).toBeGreaterThan(1e9);
      console.log(
        `measured: ${profile.physicalCores} physical cores, ${(profile.memoryBandwidth / 1e9).toFixed(1)} GB/s`,
      );
    } finally {
      await llama.dispose();
    }
  });

  it('stops a bandwidth run when aborted', async () => {
    const controller = new AbortController();
    // An hour of measuring: it ends within the test's limit only if the abort stops it.
    const run = measureBandwidth({ workers: 1, seconds: 3600, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('measures once per machine and keeps the profile across restarts; new hardware measures again', async () => {
    const dataDir = tempDir();
    const hardware = await readHardware(new LlamaRuntime({ maxThreads: 1 }));
    const thisMachine = simulatedMachine({
      cpuModel: hardware.cpuModel,
      logicalCores: hardware.cpuCores,
      totalMemory: hardware.totalMemory,
      gpu: hardware.compute.gpu,
    });
    let measured = 0;
    const measure = async () => (measured++, thisMachine);

    const first = start(dataDir, measure);
    expect(await first.machine.profile()).toEqual(thisMachine);
    expect(await first.machine.profile()).toEqual(thisMachine);
    expect(measured).toBe(1);
    await first.dispose();
    running.length = 0;

    const second = start(dataDir, measure);
    expect(await second.machine.profile()).toEqual(thisMachine);
    expect(measured).toBe(1);
    await second.dispose();
    running.length = 0;

    // The stored profile describes another CPU (the data folder moved): measured again.
    const moved = start(dataDir, async () => (measured++, thisMachine));
    moved.store.hearth
      .prepare('UPDATE machine_profile SET profile = json_set(profile, ?, ?)')
      .run('$.cpuModel', 'Another CPU');
    expect((await moved.machine.profile()).cpuModel).toBe(hardware.cpuModel);
    expect(measured).toBe(2);
  });
});

describe('predictions in the catalog', () => {
  it('shows a predicted speed per entry once measured, and announces when it is ready', async () => {
    const { services, events } = startServices(tempDir(), {
      machine: { measure: async () => simulatedMachine() },
    });
    running.push(services);
    const before = services.models.catalog(services.catalog);
    expect(before.models.every((entry) => entry.speed === null)).toBe(true);
    await services.machine.profile();
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.some((event) => event.channel === 'models.changed')).toBe(true);

    const after = services.models.catalog(services.catalog);
    const small = after.models.find((entry) => entry.id === 'qwen2.5-0.5b-instruct-q4_k_m')!;
    const large = after.models.find((entry) => entry.id === 'llama-3.1-8b-instruct-q4_k_m')!;
    expect(small.speed!.generationTokensPerSecond).toBeGreaterThan(large.speed!.generationTokensPerSecond * 5);
    expect(small.speed!.calibrated).toBe(false);
    expect(after.recommended.chat).not.toBe(large.id);
    expect(after.targetTokensPerSecond).toBe(10);
  });

  it('a benchmark stores measured ÷ predicted, and similar models are then calibrated by it', async () => {
    const services = start(tempDir(), async () => simulatedMachine());
    const info = await services.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    const result = await services.models.benchmark({ id: info.id, maxThreads: 1, promptTokens: 16, generateTokens: 8 });
    const best = Math.max(...result.runs.map((run) => run.generationTokensPerSecond));
    expect(result.speed!.ratio).toBeCloseTo(best / result.speed!.predictedTokensPerSecond, 6);
    expect((await services.models.get(info.id)).benchmark?.speed).toEqual(result.speed);

    // The benchmark ran on the real CPU; calibration uses benchmarks of the profile's own CPU only.
    const hardware = await readHardware(services.llama);
    const calibrated = start(tempDir(), async () => simulatedMachine({ cpuModel: hardware.cpuModel }));
    const copy = await calibrated.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    await calibrated.models.benchmark({ id: copy.id, maxThreads: 1, promptTokens: 16, generateTokens: 8 });
    const ratio = (await calibrated.models.get(copy.id)).benchmark!.speed!.ratio;
    const view = calibrated.models.catalog(calibrated.catalog);
    const q8 = view.models.find((entry) => entry.id === 'qwen3-0.6b-q8_0')!;
    const uncalibrated = services.models.catalog(services.catalog).models.find((entry) => entry.id === q8.id)!;
    expect(q8.speed!.calibrated).toBe(true);
    expect(q8.speed!.generationTokensPerSecond).toBeCloseTo(uncalibrated.speed!.generationTokensPerSecond * ratio, 6);
    expect(q8.speed!.basis.map((sentence) => sentence.text).join(' ')).toMatch(/measured ÷ predicted/);
  });

  it('predicts an installed chat model’s speed once the machine is measured, and only a chat model’s', async () => {
    const services = start(tempDir(), async () => simulatedMachine({ memoryBandwidth: 40e9 }));
    const chat = await services.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    const embedder = await services.models.import(copyOfModel('tiny-embedding', tempDir()), 'copy');
    expect(chat.speed).toBeNull();
    await services.machine.profile();
    const measured = await services.models.get(chat.id);
    const bytesPerSecond = 40e9 * SPEED_MODEL.memoryEfficiency;
    // A file this small is read faster than the cores decode it, whichever bound is lower.
    expect(measured.speed!.generationTokensPerSecond).toBeLessThanOrEqual(
      bytesPerSecond / chat.metadata.fileSize + 1e-6,
    );
    expect(measured.speed!.generationTokensPerSecond).toBeGreaterThan(0);
    expect(measured.speed!.calibrated).toBe(false);
    expect((await services.models.get(embedder.id)).speed).toBeNull();
  });

  it('threads: physical cores of the profile until a benchmark, then the fastest measured', async () => {
    const services = start(tempDir(), async () => simulatedMachine({ physicalCores: 3, logicalCores: 6 }));
    await services.machine.profile();
    const info = await services.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    expect(info.threads).toEqual({ count: 3, source: 'machine' });
    const result = await services.models.benchmark({ id: info.id, maxThreads: 1, promptTokens: 16, generateTokens: 4 });
    expect((await services.models.get(info.id)).threads).toEqual({
      count: result.recommendedThreads,
      source: 'benchmark',
    });
    expect((await services.models.setSettings(info.id, { threads: 2 })).threads).toEqual({
      count: 2,
      source: 'setting',
    });
  });
});
