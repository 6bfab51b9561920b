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

function describeValue(value: unknown): string {
  if (typeof value === 'object' && value !== null) return 'not a number';
  return String(value);
}
