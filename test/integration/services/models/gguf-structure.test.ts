import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { HearthError } from '../../../../electron/ipc/errors';
import { readGgufStructure } from '../../../../electron/services/models/gguf/gguf-structure';
import { stopGgufValidator, validateGguf } from '../../../../electron/services/models/gguf/gguf-validator';
import { knownArchitectures } from '../../../../electron/services/models/gguf/known-architectures';
import { validateGgufParts } from '../../../../electron/services/models/gguf/validate-parts';
import { fixtureModel } from '../../../../native-models/fixtures/generate';
import { malformedVariants, writeMalformedVariant } from '../../../../native-models/fixtures/malformed';
import { baseRaw, encodeRaw } from '../../../../native-models/fixtures/malformed/raw-gguf';
import { foreignPaths } from '../../../helpers/foreign-paths';
import { useTempDir } from '../../../helpers/temp-dir';

// What the validation thread runs, watched here: on this thread it must never be called.
vi.mock(import('../../../../electron/services/models/gguf/validate-parts'), async (original) => {
  const module = await original();
  return { ...module, validateGgufParts: vi.fn(module.validateGgufParts) };
});

const tempDir = useTempDir();
afterAll(() => stopGgufValidator());

describe('GGUF structure validation', () => {
  it('accepts the generated models and reads their layout', async () => {
    const structure = readGgufStructure(fixtureModel('tiny-chat'), { knownArchitectures: await knownArchitectures() });
    expect(structure.version).toBe(3);
    expect(structure.architecture).toBe('llama');
    expect(structure.dataOffset % structure.alignment).toBe(0);
    expect(structure.tensors.map((t) => t.name)).toContain('token_embd.weight');
    expect(structure.metadata.get('llama.block_count')).toBe(2);
  });

  it('accepts the base every malformed variant starts from, on the worker thread', async () => {
    const path = join(tempDir(), 'base.gguf');
    writeFileSync(path, encodeRaw(baseRaw()));
    const [structure] = await validateGguf([path]);
    expect(structure!.metadata).toBeInstanceOf(Map);
    expect(structure!.tensors.length).toBeGreaterThan(5);
  });

  it('refuses every file of the malformed corpus with INVALID_GGUF and the expected reason, never stalling the event loop', async () => {
    const dir = tempDir();
    const variants = malformedVariants().map((variant) => {
      const path = join(dir, `${variant.kind}-${variant.name}.gguf`);
      writeMalformedVariant(path, variant);
      return { ...variant, path };
    });
    await validateGguf([join(dir, `${variants[0]!.kind}-${variants[0]!.name}.gguf`)]).catch(() => undefined);

    // Measured from here: only the validation of the whole corpus, sparse multi-GB claims included.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const byKind = new Map<string, number>();
    const wrong: string[] = [];
    for (const variant of variants) {
      const outcome = await validateGguf([variant.path]).then(
        () => 'accepted',
        (error: unknown) => error,
      );
      byKind.set(variant.kind, (byKind.get(variant.kind) ?? 0) + 1);
      if (!(outcome instanceof HearthError) || outcome.code !== 'INVALID_GGUF') {
        wrong.push(`${variant.kind}/${variant.name}: ${String(outcome)}`);
        continue;
      }
      const problem = (outcome.details as { problem: string }).problem;
      if (problem !== variant.expected) wrong.push(`${variant.kind}/${variant.name}: ${problem} (${outcome.message})`);
      expect(outcome.message).toMatch(/^Not a usable GGUF model: .+\.$/);
      // The window sees this message: it may name the file the user picked, nothing else on disk.
      expect(foreignPaths(outcome.message, [variant.path])).toEqual([]);
    }
    lag.disable();
    const maxLagMs = lag.max / 1e6;
    console.log(
      `malformed corpus: ${variants.length} files in ${byKind.size} classes, main-thread lag max ${maxLagMs.toFixed(1)} ms: ` +
        [...byKind].map(([kind, count]) => `${kind}×${count}`).join(', '),
    );
    expect(wrong).toEqual([]);
    expect(byKind.size).toBeGreaterThanOrEqual(24);
    // Every file was parsed on the validation thread, none on this one. (The lag is printed, not
    // asserted: how long the event loop waits on a busy machine says nothing of where work ran.)
    expect(vi.mocked(validateGgufParts)).not.toHaveBeenCalled();
  });
});
