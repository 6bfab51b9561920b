import type { ByteReader } from './byte-reader';
import { GGML_TYPES, tensorByteSize } from './ggml-types';
import { invalidGguf } from './gguf-problems';
import type { GgufTensor } from './gguf-structure';

/** ggml tensors have at most four dimensions. */
const MAX_DIMS = 4;

/** One tensor's info after its name: dimensions, type and offset, each checked. */
export function readTensorInfo(reader: ByteReader, name: string): GgufTensor {
  const nDims = reader.u32();
  if (nDims === 0 || nDims > MAX_DIMS) {
    throw invalidGguf('too-many-dims', `tensor "${name}" has ${nDims} dimensions (1 to ${MAX_DIMS} allowed)`, {
      tensor: name,
    });
  }
  const dims: bigint[] = [];
  let elements = 1n;
  for (let d = 0; d < nDims; d++) {
    const dim = reader.u64();
    elements *= dim;
    if (dim === 0n || elements > 1n << 53n) {
      throw invalidGguf('bad-dims', `tensor "${name}" has a ${dim === 0n ? 'zero' : 'too large'} dimension`, {
        tensor: name,
      });
    }
    dims.push(dim);
  }
  const type = reader.u32();
  if (!GGML_TYPES[type]) {
    throw invalidGguf('unknown-tensor-type', `tensor "${name}" has unknown type ${type}`, { tensor: name, type });
  }
  const offset = reader.u64();
  const size = tensorByteSize(type, dims);
  if (size === null) {
    throw invalidGguf(
      'bad-dims',
      `tensor "${name}" has dimensions that do not fit its ${GGML_TYPES[type]!.name} blocks`,
      {
        tensor: name,
      },
    );
  }
  return { name, dims, type, offset, size };
}

/** Every tensor aligned, inside the file's data, and none overlapping another. */
export function checkTensorPlacement(tensors: GgufTensor[], alignment: number, dataSize: bigint): void {
  const align = BigInt(alignment);
  for (const tensor of tensors) {
    if (tensor.offset % align !== 0n) {
      throw invalidGguf(
        'misaligned-tensor',
        `tensor "${tensor.name}" starts at ${tensor.offset}, not a multiple of ${alignment}`,
        {
          tensor: tensor.name,
        },
      );
    }
    if (tensor.offset + tensor.size > dataSize) {
      throw invalidGguf(
        'tensor-past-eof',
        `tensor "${tensor.name}" ends past the end of the file; it may be an incomplete download`,
        {
          tensor: tensor.name,
        },
      );
    }
  }
  const sorted = [...tensors].sort((a, b) => (a.offset < b.offset ? -1 : a.offset > b.offset ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    if (sorted[i]!.offset < previous.offset + previous.size) {
      throw invalidGguf('overlapping-tensors', `tensors "${previous.name}" and "${sorted[i]!.name}" overlap`);
    }
  }
}
