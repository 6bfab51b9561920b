import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Thrown when a read would go past the end of the file. */
export class TruncatedError extends Error {
  constructor(
    readonly position: number,
    readonly wanted: number,
  ) {
    super(`file ends at a read of ${wanted} bytes at offset ${position}`);
    this.name = 'TruncatedError';
  }
}

/**
 * Little-endian sequential reads from a file through a window buffer, never trusting a length
 * from the file: every read is checked against the real file size first.
 */
export class ByteReader {
  readonly size: number;
  #fd: number;
  #buffer: Buffer;
  #bufferStart = 0;
  #bufferEnd = 0;
  position = 0;

  constructor(path: string, windowSize = 1 << 20) {
    this.#fd = openSync(path, 'r');
    this.size = fstatSync(this.#fd).size;
    this.#buffer = Buffer.allocUnsafe(windowSize);
  }

  close(): void {
    closeSync(this.#fd);
  }

  get remaining(): number {
    return this.size - this.position;
  }

  #view(length: number): { buffer: Buffer; offset: number } {
    if (length > this.remaining) throw new TruncatedError(this.position, length);
    if (this.position < this.#bufferStart || this.position + length > this.#bufferEnd) {
      if (length > this.#buffer.length) this.#buffer = Buffer.allocUnsafe(length);
      const read = readSync(this.#fd, this.#buffer, 0, this.#buffer.length, this.position);
      this.#bufferStart = this.position;
      this.#bufferEnd = this.position + read;
      if (this.position + length > this.#bufferEnd) throw new TruncatedError(this.position, length);
    }
    const offset = this.position - this.#bufferStart;
    this.position += length;
    return { buffer: this.#buffer, offset };
  }

  /** Moves past `length` bytes without reading them (after the bounds check). */
  skip(length: number): void {
    if (length > this.remaining) throw new TruncatedError(this.position, length);
    this.position += length;
  }

  /** Reads `length` bytes at the current position with `decode`, after the bounds check. */
  #read<T>(length: number, decode: (buffer: Buffer, offset: number) => T): T {
    const { buffer, offset } = this.#view(length);
    return decode(buffer, offset);
  }

  u8 = (): number => this.#read(1, (b, o) => b.readUInt8(o));
  i8 = (): number => this.#read(1, (b, o) => b.readInt8(o));
  u16 = (): number => this.#read(2, (b, o) => b.readUInt16LE(o));
  i16 = (): number => this.#read(2, (b, o) => b.readInt16LE(o));
  u32 = (): number => this.#read(4, (b, o) => b.readUInt32LE(o));
  i32 = (): number => this.#read(4, (b, o) => b.readInt32LE(o));
  f32 = (): number => this.#read(4, (b, o) => b.readFloatLE(o));
  f64 = (): number => this.#read(8, (b, o) => b.readDoubleLE(o));
  u64 = (): bigint => this.#read(8, (b, o) => b.readBigUInt64LE(o));
  i64 = (): bigint => this.#read(8, (b, o) => b.readBigInt64LE(o));
  bytes = (length: number): Buffer => this.#read(length, (b, o) => Buffer.from(b.subarray(o, o + length)));
}
