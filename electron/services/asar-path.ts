import { sep } from 'node:path';

/**
 * The unpacked copy of a path inside a packaged app's `app.asar`. Native libraries, and files a
 * separate thread or WebAssembly module reads by path, cannot come from inside the archive:
 * electron-builder's `asarUnpack` puts them in `app.asar.unpacked` beside it. Other paths are
 * returned as they are.
 */
export function asarUnpacked(path: string): string {
  const packed = `${sep}app.asar${sep}`;
  return path.includes(packed) ? path.replace(packed, `${sep}app.asar.unpacked${sep}`) : path;
}
