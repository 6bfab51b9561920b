import * as nodeLlamaCpp from 'node-llama-cpp';
import { ByteReader, TruncatedError } from './byte-reader';
import { GGML_TYPES, tensorByteSize } from './ggml-types';
import { invalidGguf } from './gguf-problems';

/**
 * A strict, bounded reader of a GGUF file's structure (header, key/values, tensor infos) that
 * checks every count, length, offset and size against the real file before anything else, in
 * particular llama.cpp, reads it. llama.cpp's own loader has had heap overflows on malformed
 * files; a file that passes here has no field that points outside itself.
 */

export const GGUF_MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
export const SUPPORTED_VERSIONS = [2, 3];
export const DEFAULT_ALIGNMENT = 32;
const MAX_DIMS = 4;
/** Far above any real model (the largest have a few thousand tensors and ~50 keys). */
const MAX_TENSORS = 1 << 20;
const MAX_KVS = 1 << 16;
/** Arrays up to this length keep their values in the result (tokens lists do not). */
const KEPT_ARRAY_LENGTH = 64;

export const GgufValueType = {
  UINT8: 0,
  INT8: 1,
  UINT16: 2,
  INT16: 3,
  UINT32: 4,
  INT32: 5,
  FLOAT32: 6,
  BOOL: 7,
  STRING: 8,
  ARRAY: 9,
  UINT64: 10,
  INT64: 11,
  FLOAT64: 12,
} as const;

/** Smallest encoded size of one value of each type, to bound array lengths against the file. */
const MIN_VALUE_SIZE: Record<number, number> = {
  0: 1,
  1: 1,
  2: 2,
  3: 2,
  4: 4,
  5: 4,
  6: 4,
  7: 1,
  8: 8,
  10: 8,
  11: 8,
  12: 8,
};

export type GgufScalar = number | bigint | boolean | string;
export interface GgufArray {
  elementType: number;
  length: number;
  /** Present when the array is short enough to keep. */
  values?: GgufScalar[];
}
export type GgufValue = GgufScalar | GgufArray;

export interface GgufTensor {
  name: string;
  dims: bigint[];
  type: number;
  /** Relative to the start of the data section. */
  offset: bigint;
  size: bigint;
}

export interface GgufStructure {
  version: number;
  fileSize: number;
  alignment: number;
  metadata: Map<string, GgufValue>;
  tensors: GgufTensor[];
  /** Absolute file offset where tensor data starts. */
  dataOffset: number;
  /** `null` only in the second and later parts of a split model, which carry no model metadata. */
  architecture: string | null;
  /** `split.count` for split models (1 otherwise) and this file's `split.no` (0-based). */
  split: { count: number; index: number };
}

/**
 * The architectures this node-llama-cpp's llama.cpp knows. Its typings declare the list as a
 * `const enum`, which isolated modules cannot read, but the runtime object is exported.
 */
const KNOWN_ARCHITECTURES = new Set<string>(
  Object.values((nodeLlamaCpp as unknown as { GgufArchitectureType: Record<string, string> }).GgufArchitectureType),
);

/** Reads and checks the structure of one GGUF file. Throws `INVALID_GGUF` with a reason. */
export function readGgufStructure(path: string): GgufStructure {
  const reader = new ByteReader(path);
  try {
    return parse(reader);
  } catch (error) {
    if (error instanceof TruncatedError) {
      throw invalidGguf('truncated', `the file is cut short (${error.message}); it may be an incomplete download`, {
        offset: error.position,
      });
    }
    throw error;
  } finally {
    reader.close();
  }
}

function parse(reader: ByteReader): GgufStructure {
  const magic = reader.u32();
  if (magic !== GGUF_MAGIC) throw invalidGguf('bad-magic', 'the file does not start with "GGUF"');
  const version = reader.u32();
  if (!SUPPORTED_VERSIONS.includes(version)) {
    throw invalidGguf('unsupported-version', `GGUF version ${version} is not supported (only 2 and 3)`, { version });
  }
  const tensorCount = boundedCount(reader.u64(), MAX_TENSORS, 'tensors', reader, 8 + 4 + 8 + 4 + 8);
  const kvCount = boundedCount(reader.u64(), MAX_KVS, 'metadata entries', reader, 8 + 4 + 1);

  const metadata = new Map<string, GgufValue>();
  for (let i = 0; i < kvCount; i++) {
    const key = readString(reader, 'metadata key');
    if (metadata.has(key)) throw invalidGguf('duplicate-key', `metadata key "${key}" appears twice`, { key });
    metadata.set(key, readValue(reader, reader.u32(), key));
  }

  const alignment = readAlignment(metadata);
  const tensors: GgufTensor[] = [];
  const names = new Set<string>();
  for (let i = 0; i < tensorCount; i++) {
    const tensor = readTensorInfo(reader);
    if (names.has(tensor.name)) {
      throw invalidGguf('duplicate-tensor', `tensor "${tensor.name}" is defined twice`, { tensor: tensor.name });
    }
    names.add(tensor.name);
    tensors.push(tensor);
  }

  const dataOffset = Math.ceil(reader.position / alignment) * alignment;
  checkTensorPlacement(tensors, alignment, BigInt(reader.size) - BigInt(dataOffset));
  const split = {
    count: Number(asInteger(metadata.get('split.count')) ?? 1n),
    index: Number(asInteger(metadata.get('split.no')) ?? 0n),
  };
  const architecture = split.index > 0 && !metadata.has('general.architecture') ? null : readArchitecture(metadata);
  return { version, fileSize: reader.size, alignment, metadata, tensors, dataOffset, architecture, split };
}

function boundedCount(value: bigint, max: number, what: string, reader: ByteReader, minEntrySize: number): number {
  if (value > BigInt(max) || value * BigInt(minEntrySize) > BigInt(reader.remaining)) {
    throw invalidGguf(
      'absurd-count',
      `the header claims ${value} ${what}, more than the file can hold (is it cut short?)`,
      {
        count: value.toString(),
      },
    );
  }
  return Number(value);
}

function readString(reader: ByteReader, what: string): string {
  const length = reader.u64();
  if (length > BigInt(reader.remaining)) {
    throw invalidGguf(
      'string-past-eof',
      `the ${what} at offset ${reader.position - 8} claims ${length} bytes, past the end of the file`,
      {
        offset: reader.position - 8,
      },
    );
  }
  const bytes = reader.bytes(Number(length));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidGguf('bad-string', `the ${what} at offset ${reader.position - Number(length)} is not valid UTF-8`);
  }
}

function readScalar(reader: ByteReader, type: number, key: string): GgufScalar {
  switch (type) {
    case GgufValueType.UINT8:
      return reader.u8();
    case GgufValueType.INT8:
      return reader.i8();
    case GgufValueType.UINT16:
      return reader.u16();
    case GgufValueType.INT16:
      return reader.i16();
    case GgufValueType.UINT32:
      return reader.u32();
    case GgufValueType.INT32:
      return reader.i32();
    case GgufValueType.FLOAT32:
      return reader.f32();
    case GgufValueType.BOOL:
      return reader.u8() !== 0;
    case GgufValueType.STRING:
      return readString(reader, `value of "${key}"`);
    case GgufValueType.UINT64:
      return reader.u64();
    case GgufValueType.INT64:
      return reader.i64();
    case GgufValueType.FLOAT64:
      return reader.f64();
    default:
      throw invalidGguf('unknown-value-type', `metadata "${key}" has unknown value type ${type}`, { key, type });
  }
}

function readValue(reader: ByteReader, type: number, key: string): GgufValue {
  if (type !== GgufValueType.ARRAY) return readScalar(reader, type, key);
  const elementType = reader.u32();
  if (elementType === GgufValueType.ARRAY) {
    throw invalidGguf('nested-array', `metadata "${key}" is an array of arrays, which llama.cpp does not read`, {
      key,
    });
  }
  const minSize = MIN_VALUE_SIZE[elementType];
  if (minSize === undefined) {
    throw invalidGguf('unknown-value-type', `metadata "${key}" is an array of unknown type ${elementType}`, {
      key,
      type: elementType,
    });
  }
  const length = reader.u64();
  if (length * BigInt(minSize) > BigInt(reader.remaining)) {
    throw invalidGguf('array-past-eof', `metadata "${key}" claims ${length} items, more than the file holds`, { key });
  }
  const count = Number(length);
  const keep = count <= KEPT_ARRAY_LENGTH;
  const values: GgufScalar[] = [];
  for (let i = 0; i < count; i++) {
    const value = readScalar(reader, elementType, key);
    if (keep) values.push(value);
  }
  return keep ? { elementType, length: count, values } : { elementType, length: count };
}

function readAlignment(metadata: Map<string, GgufValue>): number {
  const value = metadata.get('general.alignment');
  if (value === undefined) return DEFAULT_ALIGNMENT;
  const alignment = asInteger(value);
  if (alignment === null || alignment <= 0n || alignment > 1n << 20n || (alignment & (alignment - 1n)) !== 0n) {
    throw invalidGguf('bad-alignment', `general.alignment must be a power of two, not ${String(value)}`);
  }
  return Number(alignment);
}

function readTensorInfo(reader: ByteReader): GgufTensor {
  const name = readString(reader, 'tensor name');
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

function checkTensorPlacement(tensors: GgufTensor[], alignment: number, dataSize: bigint): void {
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

function readArchitecture(metadata: Map<string, GgufValue>): string {
  const architecture = metadata.get('general.architecture');
  if (architecture === undefined) throw invalidGguf('missing-architecture', 'general.architecture is missing');
  if (typeof architecture !== 'string') {
    throw invalidGguf('missing-architecture', 'general.architecture is not a string');
  }
  if (!KNOWN_ARCHITECTURES.has(architecture)) {
    throw invalidGguf('unknown-architecture', `architecture "${architecture}" is not supported by this llama.cpp`, {
      architecture,
    });
  }
  return architecture;
}

export function asInteger(value: GgufValue | undefined): bigint | null {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return null;
}
