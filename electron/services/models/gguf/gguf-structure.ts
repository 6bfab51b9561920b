import { ByteReader, TruncatedError } from './byte-reader';
import { invalidGguf } from './gguf-problems';
import { checkTensorPlacement, readTensorInfo } from './gguf-tensors';

/**
 * A strict, bounded reader of a GGUF file's structure (header, key/values, tensor infos) that
 * checks every count, length, offset and size against the real file before anything else, in
 * particular llama.cpp, reads it. llama.cpp's own loader has had heap overflows on malformed
 * files; a file that passes here has no field that points outside itself.
 *
 * It also bounds the work a file can ask for: no length in the header may make it allocate or
 * loop beyond what a real model needs, so a crafted "2 GB string" costs a bounds check, not 4 GB
 * of memory and seconds of CPU. (It still runs in a worker thread; see structure-worker.ts.)
 */

export const GGUF_MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
export const SUPPORTED_VERSIONS = [2, 3];
export const DEFAULT_ALIGNMENT = 32;
/** Far above any real model (the largest have a few thousand tensors and ~50 keys). */
const MAX_TENSORS = 1 << 20;
const MAX_KVS = 1 << 16;
/** Arrays up to this length keep their values in the result (tokens lists do not). */
export const KEPT_ARRAY_LENGTH = 64;
/**
 * Everything before the tensor data. The largest real headers (262k-token vocabularies with scores,
 * types and merges, or an embedded tokenizer.json) are tens of MB.
 */
export const MAX_HEADER_BYTES = 512 * 1024 * 1024;
/** Metadata keys are short dotted names (`llama.context_length`). */
export const MAX_KEY_BYTES = 1024;
/** llama.cpp refuses tensor names of GGML_MAX_NAME (64) bytes or more. */
export const MAX_TENSOR_NAME_BYTES = 63;
/** String values longer than this (an embedded tokenizer.json) are skipped, not decoded. */
const MAX_KEPT_STRING_BYTES = 1024 * 1024;
/** Far above the largest vocabularies and merge lists (~260k and ~500k entries). */
const MAX_STRING_ARRAY_LENGTH = 1 << 23;

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

export type GgufScalar = number | bigint | boolean | string | GgufLongString;
/** A string value too long to keep (see MAX_KEPT_STRING_BYTES): only its length is known. */
export interface GgufLongString {
  longStringBytes: number;
}
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

export interface ReadGgufStructureOptions {
  /** The architectures the bundled llama.cpp can run (see known-architectures.ts). */
  knownArchitectures: ReadonlySet<string>;
  /**
   * Keys whose string arrays are kept whole, however long (the vocabulary, for its checks).
   * Defaults to none: long arrays keep only their length.
   */
  keepStringArrays?: ReadonlySet<string>;
}

/** Reads and checks the structure of one GGUF file. Throws `INVALID_GGUF` with a reason. */
export function readGgufStructure(path: string, options: ReadGgufStructureOptions): GgufStructure {
  const reader = new ByteReader(path);
  try {
    return parse(reader, options);
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

function parse(reader: ByteReader, options: ReadGgufStructureOptions): GgufStructure {
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
    const key = readString(reader, 'metadata key', MAX_KEY_BYTES);
    if (metadata.has(key)) throw invalidGguf('duplicate-key', `metadata key "${key}" appears twice`, { key });
    metadata.set(key, readValue(reader, reader.u32(), key, options.keepStringArrays?.has(key) ?? false));
  }

  const alignment = readAlignment(metadata);
  const tensors: GgufTensor[] = [];
  const names = new Set<string>();
  for (let i = 0; i < tensorCount; i++) {
    const tensor = readTensorInfo(reader, readString(reader, 'tensor name', MAX_TENSOR_NAME_BYTES));
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
  const architecture =
    split.index > 0 && !metadata.has('general.architecture')
      ? null
      : readArchitecture(metadata, options.knownArchitectures);
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

/**
 * Reads a length-prefixed string. A length over `maxBytes` is refused (`too-long`); with
 * `skipOver`, a longer one is skipped unread and returned as its length only.
 */
function readString(reader: ByteReader, what: string, maxBytes: number): string;
function readString(reader: ByteReader, what: string, maxBytes: number, skipOver: true): string | GgufLongString;
function readString(reader: ByteReader, what: string, maxBytes: number, skipOver = false): string | GgufLongString {
  const at = reader.position;
  const length = reader.u64();
  if (length > BigInt(reader.remaining)) {
    throw invalidGguf(
      'string-past-eof',
      `the ${what} at offset ${at} claims ${length} bytes, past the end of the file`,
      {
        offset: at,
      },
    );
  }
  checkHeaderRoom(reader, length, `the ${what} at offset ${at}`);
  if (length > BigInt(maxBytes)) {
    if (skipOver) {
      reader.skip(Number(length));
      return { longStringBytes: Number(length) };
    }
    throw invalidGguf('too-long', `the ${what} at offset ${at} is ${length} bytes long (at most ${maxBytes})`, {
      offset: at,
    });
  }
  const bytes = reader.bytes(Number(length));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidGguf('bad-string', `the ${what} at offset ${at} is not valid UTF-8`);
  }
}

/** Refuses a claimed size that would make the header (everything before tensor data) absurd. */
function checkHeaderRoom(reader: ByteReader, bytes: bigint, what: string): void {
  if (BigInt(reader.position) + bytes > BigInt(MAX_HEADER_BYTES)) {
    throw invalidGguf(
      'header-too-large',
      `${what} claims ${bytes} bytes, which would make the header larger than any real model's (${MAX_HEADER_BYTES / 1024 / 1024} MB)`,
      { offset: reader.position },
    );
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
      return readString(reader, `value of "${key}"`, MAX_KEPT_STRING_BYTES, true);
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

function readValue(reader: ByteReader, type: number, key: string, keepAll: boolean): GgufValue {
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
  checkHeaderRoom(reader, length * BigInt(minSize), `metadata "${key}"`);
  const count = Number(length);
  if (count > KEPT_ARRAY_LENGTH && elementType !== GgufValueType.STRING) {
    // Fixed-width values nobody reads (token scores, token types): seek past them.
    reader.skip(count * minSize);
    return { elementType, length: count };
  }
  if (count > MAX_STRING_ARRAY_LENGTH) {
    throw invalidGguf('absurd-count', `metadata "${key}" claims ${count} strings, more than any vocabulary`, { key });
  }
  const keep = keepAll || count <= KEPT_ARRAY_LENGTH;
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

function readArchitecture(metadata: Map<string, GgufValue>, known: ReadonlySet<string>): string {
  const architecture = metadata.get('general.architecture');
  if (architecture === undefined) throw invalidGguf('missing-architecture', 'general.architecture is missing');
  if (typeof architecture !== 'string') {
    throw invalidGguf('missing-architecture', 'general.architecture is not a string');
  }
  if (!known.has(architecture)) {
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
