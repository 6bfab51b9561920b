import { describe, expect, it } from 'vitest';
import { calibrationFor, quantizationClass } from '../../../../electron/services/machine/calibration';
import { describeBasis, predictSpeed, SPEED_MODEL } from '../../../../electron/services/machine/speed';
import { chooseThreads } from '../../../../electron/services/machine/threads';
import { simulatedMachine } from '../../../helpers/machine';

const model = { weightsBytes: 2e9, parameters: 3e9, kvBytesPerToken: 0 };

/** The sentences as the CLI prints them. */
const sentences = (texts: ReadonlyArray<{ text: string }>) => texts.map((sentence) => sentence.text).join(' ');

describe('predictSpeed', () => {
  it('is bound by memory when the cores can keep up, and by the cores when they cannot', () => {
    const manyCores = simulatedMachine({ physicalCores: 16, memoryBandwidth: 50e9 });
    const fast = predictSpeed(model, manyCores);
    expect(fast.boundBy).toBe('memory');
    expect(fast.generationTokensPerSecond).toBeCloseTo((50e9 * SPEED_MODEL.memoryEfficiency) / 2e9, 6);

    const twoCores = simulatedMachine({ physicalCores: 2, memoryBandwidth: 50e9 });
    const slow = predictSpeed(model, twoCores);
    expect(slow.boundBy).toBe('cores');
    expect(slow.generationTokensPerSecond).toBeCloseTo((2 * SPEED_MODEL.coreWeightBytesPerSecond) / 2e9, 6);
  });

  it('halves generation speed for twice the bytes, and counts the KV cache read per token', () => {
    const machine = simulatedMachine();
    const once = predictSpeed(model, machine).generationTokensPerSecond;
    expect(predictSpeed({ ...model, weightsBytes: 4e9 }, machine).generationTokensPerSecond).toBeCloseTo(once / 2, 6);
    expect(predictSpeed({ ...model, kvBytesPerToken: 100_000 }, machine).generationTokensPerSecond).toBeLessThan(once);
  });

  it('scales prompt speed with cores and inversely with parameters', () => {
    const two = predictSpeed(model, simulatedMachine({ physicalCores: 2 })).promptTokensPerSecond;
    expect(predictSpeed(model, simulatedMachine({ physicalCores: 8 })).promptTokensPerSecond).toBeCloseTo(two * 4, 6);
    expect(predictSpeed({ ...model, parameters: 6e9 }, simulatedMachine()).promptTokensPerSecond).toBeCloseTo(
      two / 2,
      6,
    );
  });

  it('says what the number rests on, and whether a benchmark corrected it', () => {
    const machine = simulatedMachine({ physicalCores: 2 });
    const raw = predictSpeed(model, machine);
    expect(sentences(describeBasis(machine, raw, null))).toMatch(
      /what 2 cores can decode.*Not yet checked by a benchmark/,
    );
    expect(sentences(describeBasis(machine, raw, 0.8))).toMatch(/measured ÷ predicted = 0\.80/);
  });
});

describe('calibration', () => {
  it('groups quantizations by bits per weight', () => {
    expect(quantizationClass('Q4_K_M')).toBe('4-bit');
    expect(quantizationClass('MOSTLY_Q4_0')).toBe('4-bit');
    expect(quantizationClass('IQ4_XS')).toBe('4-bit');
    expect(quantizationClass('Q8_0')).toBe('8-bit');
    expect(quantizationClass('F16')).toBe('16-bit');
    expect(quantizationClass('BF16')).toBe('16-bit');
  });

  it('uses the median of the same class, else of all, else nothing', () => {
    const samples = [
      { quantization: 'Q4_0', ratio: 0.5 },
      { quantization: 'Q4_K_M', ratio: 0.9 },
      { quantization: 'Q4_K_S', ratio: 0.7 },
      { quantization: 'Q8_0', ratio: 2 },
    ];
    expect(calibrationFor('Q4_K_M', samples)).toBeCloseTo(0.7, 6);
    expect(calibrationFor('Q8_0', samples)).toBe(2);
    expect(calibrationFor('F16', samples)).toBeCloseTo((0.7 + 0.9) / 2, 6);
    expect(calibrationFor('Q4_K_M', [])).toBeNull();
    expect(calibrationFor('Q4_K_M', [{ quantization: 'Q4_0', ratio: Number.NaN }])).toBeNull();
  });
});

describe('chooseThreads on a simulated machine', () => {
  const hyperThreaded = simulatedMachine({ physicalCores: 4, logicalCores: 8 });

  it('defaults to physical cores, not logical ones', () => {
    expect(
      chooseThreads({
        setting: null,
        benchmarked: null,
        physicalCores: hyperThreaded.physicalCores,
        besideEmbedding: false,
      }),
    ).toEqual({ count: 4, source: 'machine' });
  });

  it('leaves one core free when embedding runs beside chat, but never goes below one', () => {
    expect(chooseThreads({ setting: null, benchmarked: null, physicalCores: 4, besideEmbedding: true })).toEqual({
      count: 3,
      source: 'machine',
    });
    expect(chooseThreads({ setting: null, benchmarked: null, physicalCores: 1, besideEmbedding: true }).count).toBe(1);
  });

  it("uses a benchmark's fastest count once there is one, and the user's own setting above all", () => {
    expect(chooseThreads({ setting: null, benchmarked: 3, physicalCores: 4, besideEmbedding: true })).toEqual({
      count: 3,
      source: 'benchmark',
    });
    expect(chooseThreads({ setting: 6, benchmarked: 3, physicalCores: 4, besideEmbedding: false })).toEqual({
      count: 6,
      source: 'setting',
    });
  });
});
