import { invalidGguf } from './gguf-problems';
import { asInteger, type GgufStructure } from './gguf-structure';

/**
 * Checks that the tensors of a whole model (all split parts together) are complete: the token
 * embedding is there, and every layer from 0 to `<arch>.block_count - 1` has tensors, no more.
 */
export function checkRequiredTensors(parts: readonly GgufStructure[]): void {
  const first = parts[0]!;
  if (first.architecture === null || first.split.index !== 0) {
    throw invalidGguf('missing-part', 'the first part of this split model is not its first file');
  }
  const names = new Set(parts.flatMap((part) => part.tensors.map((tensor) => tensor.name)));
  if (!names.has('token_embd.weight')) {
    throw invalidGguf('missing-tensor', 'the token embedding tensor "token_embd.weight" is missing', {
      tensor: 'token_embd.weight',
    });
  }
  const blockCount = asInteger(first.metadata.get(`${first.architecture}.block_count`));
  if (blockCount === null) {
    throw invalidGguf(
      'missing-tensor',
      `${first.architecture}.block_count is missing, so the layers cannot be checked`,
    );
  }
  if (blockCount > BigInt(names.size)) {
    throw invalidGguf('missing-tensor', `the model claims ${blockCount} layers but has only ${names.size} tensors`);
  }
  const layers = new Set<bigint>();
  for (const name of names) {
    const match = /^blk\.(\d+)\./.exec(name);
    if (!match) continue;
    // BigInt, not Number: a name like blk.<400 digits> must be refused, not overflow to Infinity.
    const layer = BigInt(match[1]!);
    if (layer >= blockCount) {
      throw invalidGguf(
        'unexpected-tensor',
        `tensor "${name}" belongs to layer ${layer}, but the model has ${blockCount}`,
        {
          tensor: name,
        },
      );
    }
    layers.add(layer);
  }
  for (let layer = 0n; layer < blockCount; layer++) {
    if (!layers.has(layer)) {
      throw invalidGguf('missing-tensor', `layer ${layer} of ${blockCount} has no tensors`, { layer: Number(layer) });
    }
  }
}
