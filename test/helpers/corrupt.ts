import { closeSync, openSync, writeSync } from 'node:fs';

/** Overwrites `length` bytes at `offset` with a deterministic non-SQLite pattern. */
export function writeGarbage(path: string, offset: number, length = 512): void {
  const garbage = Buffer.alloc(length);
  for (let i = 0; i < length; i++) garbage[i] = (i * 131 + 17) & 0xff;
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, garbage, 0, length, offset);
  } finally {
    closeSync(fd);
  }
}
