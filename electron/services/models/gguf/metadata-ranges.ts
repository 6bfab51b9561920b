import { invalidGguf } from './gguf-problems';
import { asInteger, type GgufStructure } from './gguf-structure';

/** Largest value any of these keys has in a real model (contexts reach 10M, not 2^31). */
const MAX_INT32 = 2 ** 31 - 1;

/**
 * Checks the integers Hearth stores and computes with. A crafted `context_length` of -1 or 2^60
 * would otherwise reach the model list as a number no schema accepts, and break it for good.
 * Absent keys are fine (the model may not say); present ones must be whole numbers in range.
 */
export function checkMetadataRanges(first: GgufStructure): void {
  const arch = first.architecture;
  const keys = ['general.file_type', 'split.count', 'split.no'];
  if (arch)
    keys.push(...['context_length', 'embedding_length', 'block_count', 'pooling_type'].map((k) => `${arch}.${k}`));
  for (const key of keys) {
    const value = first.metadata.get(key);
    if (value === undefined) continue;
    const integer = asInteger(value);
    if (integer === null || integer < 0n || integer > BigInt(MAX_INT32)) {
      throw invalidGguf(
        'bad-metadata',
        `${key} is ${describeValue(value)}, not a whole number from 0 to ${MAX_INT32}`,
        {
          key,
        },
      );
    }
  }
}

/**
 * Sizes llama.cpp shapes tensors with. A layer that exists but is sized 0 (a missing
 * `feed_forward_length`: llama.cpp does not require it) trips `GGML_ASSERT(t_meta.ne[dim] >= 1)`
 * in llama-model-loader.cpp, which aborts the process. Zero is fine where no tensor uses it
 * (Mamba writes a head count of 0), so each size is checked only when its tensors are there.
 */
const SIZED_BY: Array<[key: string, tensor: string]> = [
  ['embedding_length', 'token_embd.weight'],
  ['feed_forward_length', 'blk.0.ffn_up.weight'],
  ['attention.head_count', 'blk.0.attn_q.weight'],
];

export function checkLayerSizes(first: GgufStructure): void {
  const arch = first.architecture;
  if (!arch) return;
  const tensors = new Set(first.tensors.map((tensor) => tensor.name));
  for (const [name, tensor] of SIZED_BY) {
    if (!tensors.has(tensor)) continue;
    const key = `${arch}.${name}`;
    const value = first.metadata.get(key);
    // Per-layer arrays (some layers may have no attention) are llama.cpp's to read.
    if (typeof value === 'object' && value !== null && 'elementType' in value) continue;
    const integer = asInteger(value);
    if (integer === null || integer < 1n) {
      throw invalidGguf(
        'bad-metadata',
        `${key} is ${value === undefined ? 'missing' : describeValue(value)}, but the model has ${tensor.replace(/\.weight$/, '')} layers it sizes`,
        { key },
      );
    }
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'object' && value !== null) return 'not a number';
  return String(value);
}
