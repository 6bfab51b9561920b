/**
 * Hamming distances from one binary code to many, in WebAssembly: `i64.popcnt` compiles to the
 * CPU's POPCNT instruction, where JavaScript has no popcount and spends ~10 operations per 32-bit
 * word. The codes stay in the module's memory between searches (library/reads/bit-scan.ts), so a
 * search copies nothing.
 *
 * The module is written out below as bytes rather than shipped as a binary file or built by a
 * toolchain, so there is nothing to fetch, build or keep in step. It is made for one code width,
 * with the loop over a code's words unrolled and the query's words held in locals: a generic
 * loop took 11 ms over 1M × 384-d codes here, three times this. Its one function, in the text
 * format, for codes of W 64-bit words:
 *
 *   (func (export "distances") (param $codes i32) (param $count i32) (param $out i32)
 *     ;; $q0 … $qW-1 ← the query's words, at address 0
 *     ;; for each of $count codes at $codes, 8W bytes apart:
 *     ;;   store16 $out + 2i ← popcnt(code[0] ^ $q0) + … + popcnt(code[W-1] ^ $qW-1)
 *   )
 * with the memory exported as "memory".
 */

/** Unsigned LEB128, the WebAssembly encoding of sizes, indices and offsets. */
function uleb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/** Signed LEB128, the encoding of `i32.const` (for the non-negative values used here). */
function sleb(value: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if (value === 0 && (byte & 0x40) === 0) return [...bytes, byte];
    bytes.push(byte | 0x80);
  }
}

const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (text: string): number[] => [...uleb(text.length), ...Buffer.from(text, 'ascii')];

// Opcodes used (WebAssembly core spec, 5.4).
const [BLOCK, LOOP, END, BR, BR_IF, VOID] = [0x02, 0x03, 0x0b, 0x0c, 0x0d, 0x40];
const [GET, SET] = [0x20, 0x21];
const [I32_CONST, I32_GE_U, I32_ADD, I32_SHL] = [0x41, 0x4f, 0x6a, 0x74];
const [I64_LOAD, I32_STORE16, I64_XOR, I64_POPCNT, I64_ADD, I32_WRAP_I64] = [0x29, 0x3b, 0x85, 0x7b, 0x7c, 0xa7];
const [I32, I64] = [0x7f, 0x7e];

/** The module for codes of `words` 64-bit words. */
function kernelModule(words: number): Uint8Array {
  // Parameters 0–2, then locals: 3 row index, 4 code pointer, 5… the query's words.
  const [CODES, COUNT, OUT, ROW, POINTER] = [0, 1, 2, 3, 4];
  const query = (word: number) => 5 + word;
  const load = (offset: number) => [I64_LOAD, 3, ...uleb(offset)]; // align 2^3
  const get = (local: number) => [GET, ...uleb(local)];
  const set = (local: number) => [SET, ...uleb(local)];
  const body = [
    ...[2, 2, I32, ...uleb(words), I64], // local groups: 2 × i32, `words` × i64
    ...Array.from({ length: words }, (_, word) => [I32_CONST, 0, ...load(word * 8), ...set(query(word))]).flat(),
    ...get(CODES),
    ...set(POINTER),
    ...[I32_CONST, 0, ...set(ROW)],
    ...[BLOCK, VOID, LOOP, VOID],
    ...[...get(ROW), ...get(COUNT), I32_GE_U, BR_IF, 1], // every row done: leave the block
    ...[...get(OUT), ...get(ROW), I32_CONST, 1, I32_SHL, I32_ADD], // where the distance goes
    ...Array.from({ length: words }, (_, word) => [
      ...get(POINTER),
      ...load(word * 8),
      ...get(query(word)),
      I64_XOR,
      I64_POPCNT,
      ...(word > 0 ? [I64_ADD] : []),
    ]).flat(),
    ...[I32_WRAP_I64, I32_STORE16, 1, 0], // align 2^1, offset 0
    ...[...get(POINTER), I32_CONST, ...sleb(words * 8), I32_ADD, ...set(POINTER)],
    ...[...get(ROW), I32_CONST, 1, I32_ADD, ...set(ROW)],
    ...[BR, 0, END, END],
    END,
  ];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, [1, 0x60, 3, I32, I32, I32, 0]), // one type: (i32 × 3) → ()
    ...section(3, [1, 0]), // one function, of type 0
    ...section(5, [1, 0x00, 1]), // one memory, at least one 64 KiB page, no maximum
    ...section(7, [2, ...name('memory'), 0x02, 0, ...name('distances'), 0x00, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

const PAGE = 65_536;

type Distances = (codes: number, count: number, out: number) => void;

/**
 * The part of the WebAssembly API used here. Node has it as a global; the main process's types
 * (no DOM library) do not declare it.
 */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object) => { exports: { memory?: unknown; distances?: unknown } };
    };
  }
).WebAssembly;

/**
 * A set of binary codes held in the module's memory, and their distances to a query. Codes of any
 * width are stored padded with zero bits to whole 64-bit words, which changes no distance.
 */
export class HammingKernel {
  readonly #codeBytes: number;
  /** Bytes per stored code: `codeBytes` rounded up to 8. */
  readonly #stride: number;
  readonly #count: number;
  readonly #memory: WasmMemory;
  readonly #distances: Distances;

  /** Room for `count` codes of `codeBytes` bytes, all zero until `setCodes`. */
  constructor(codeBytes: number, count: number) {
    // A distance is stored in 16 bits.
    if (
      !Number.isInteger(codeBytes) ||
      codeBytes < 1 ||
      codeBytes * 8 > 0xfffe ||
      !Number.isInteger(count) ||
      count < 0
    ) {
      throw new RangeError(`HammingKernel: ${count} codes of ${codeBytes} bytes`);
    }
    this.#codeBytes = codeBytes;
    this.#stride = Math.ceil(codeBytes / 8) * 8;
    this.#count = count;
    const instance = new wasm.Instance(new wasm.Module(kernelModule(this.#stride / 8)));
    this.#memory = instance.exports.memory as WasmMemory;
    this.#distances = instance.exports.distances as Distances;
    // Layout: the query at 0, then the codes, then one u16 distance per code.
    const needed = this.#codesAt + count * this.#stride + count * 2;
    const have = this.#memory.buffer.byteLength;
    if (needed > have) this.#memory.grow(Math.ceil((needed - have) / PAGE));
  }

  get #codesAt(): number {
    return this.#stride;
  }

  /** Stores the codes packed in `codes` (`codeBytes` each) as codes `first`, `first + 1`, … */
  setCodes(first: number, codes: Uint8Array): void {
    const count = codes.byteLength / this.#codeBytes;
    if (!Number.isInteger(count) || first < 0 || first + count > this.#count) {
      throw new RangeError(`HammingKernel: ${codes.byteLength} bytes at code ${first} of ${this.#count}`);
    }
    const heap = new Uint8Array(this.#memory.buffer, this.#codesAt + first * this.#stride, count * this.#stride);
    if (this.#stride === this.#codeBytes) heap.set(codes);
    else {
      for (let i = 0; i < count; i++) {
        heap.set(codes.subarray(i * this.#codeBytes, (i + 1) * this.#codeBytes), i * this.#stride);
      }
    }
  }

  /**
   * The distance from `query` (`codeBytes` bytes) to every stored code, one u16 each: a view of the
   * module's memory, valid until the next call.
   */
  distances(query: Uint8Array): Uint16Array {
    if (query.byteLength !== this.#codeBytes) {
      throw new RangeError(`HammingKernel: a query of ${query.byteLength} bytes for codes of ${this.#codeBytes}`);
    }
    const heap = new Uint8Array(this.#memory.buffer);
    heap.fill(0, 0, this.#stride);
    heap.set(query, 0);
    const outAt = this.#codesAt + this.#count * this.#stride;
    this.#distances(this.#codesAt, this.#count, outAt);
    return new Uint16Array(this.#memory.buffer, outAt, this.#count);
  }
}
