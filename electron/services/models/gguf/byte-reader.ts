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

  u8(): number {
    const { buffer, offset } = this.#view(1);
    return buffer.readUInt8(offset);
  }
  i8(): number {
    const { buffer, offset } = this.#view(1);
    return buffer.readInt8(offset);
  }
  u16(): number {
    const { buffer, offset } = this.#view(2);
    return buffer.readUInt16LE(offset);
  }
  i16(): number {
    const { buffer, offset } = this.#view(2);
    return buffer.readInt16LE(offset);
  }
  u32(): number {
    const { buffer, offset } = this.#view(4);
    return buffer.readUInt32LE(offset);
  }
  i32(): number {
    const { buffer, offset } = this.#view(4);
    return buffer.readInt32LE(offset);
  }
  f32(): number {
    const { buffer, offset } = this.#view(4);
    return buffer.readFloatLE(offset);
  }
  f64(): number {
    const { buffer, offset } = this.#view(8);
    return buffer.readDoubleLE(offset);
  }
  u64(): bigint {
    const { buffer, offset } = this.#view(8);
    return buffer.readBigUInt64LE(offset);
  }
  i64(): bigint {
    const { buffer, offset } = this.#view(8);
    return buffer.readBigInt64LE(offset);
  }
  bytes(length: number): Buffer {
    const { buffer, offset } = this.#view(length);
    return Buffer.from(buffer.subarray(offset, offset + length));
  }
  skip(length: number): void {
    if (length > this.remaining) throw new TruncatedError(this.position, length);
    this.position += length;
  }
}
