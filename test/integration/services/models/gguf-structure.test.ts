import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HearthError } from '../../../../electron/ipc/errors';
import { readGgufStructure } from '../../../../electron/services/models/gguf/gguf-structure';
import { checkRequiredTensors } from '../../../../electron/services/models/gguf/required-tensors';
import { fixtureModel } from '../../../../native-models/fixtures/generate';
import { baseRaw, encodeRaw, malformedVariants } from '../../../../native-models/fixtures/malformed';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();

function validate(path: string) {
  const structure = readGgufStructure(path);
  checkRequiredTensors([structure]);
  return structure;
}

describe('GGUF structure validation', () => {
  it('accepts the generated models and reads their layout', () => {
    const structure = validate(fixtureModel('tiny-chat'));
    expect(structure.version).toBe(3);
    expect(structure.architecture).toBe('llama');
    expect(structure.dataOffset % structure.alignment).toBe(0);
    expect(structure.tensors.map((t) => t.name)).toContain('token_embd.weight');
    expect(structure.metadata.get('llama.block_count')).toBe(2);
  });

  it('accepts the base every malformed variant starts from', () => {
    const path = join(tempDir(), 'base.gguf');
    writeFileSync(path, encodeRaw(baseRaw()));
    expect(() => validate(path)).not.toThrow();
  });

  it('refuses every file of the malformed corpus with INVALID_GGUF and the expected reason', () => {
    const dir = tempDir();
    const variants = malformedVariants();
    const byKind = new Map<string, number>();
    const wrong: string[] = [];
    for (const variant of variants) {
      const path = join(dir, `${variant.kind}-${variant.name}.gguf`);
      writeFileSync(path, variant.bytes);
      try {
        validate(path);
        wrong.push(`${variant.kind}/${variant.name}: accepted`);
      } catch (error) {
        if (!(error instanceof HearthError) || error.code !== 'INVALID_GGUF') {
          wrong.push(`${variant.kind}/${variant.name}: threw ${String(error)}`);
          continue;
        }
        const problem = (error.details as { problem: string }).problem;
        if (problem !== variant.expected) wrong.push(`${variant.kind}/${variant.name}: ${problem} (${error.message})`);
        expect(error.message).toMatch(/^Not a usable GGUF model: .+\.$/);
      }
      byKind.set(variant.kind, (byKind.get(variant.kind) ?? 0) + 1);
    }
    console.log(
      `malformed corpus: ${variants.length} files in ${byKind.size} classes: ` +
        [...byKind].map(([kind, count]) => `${kind}×${count}`).join(', '),
    );
    expect(wrong).toEqual([]);
    expect(byKind.size).toBeGreaterThanOrEqual(15);
  });
});
