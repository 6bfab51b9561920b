import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Electron's fuse wire starts in its binary (@electron/fuses looks for it). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron 45's fuses as it ships them, in wire order (@electron/fuses' FuseV1Options): RunAsNode
 * on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, app only from asar
 * off, browser-specific V8 snapshot off, file: protocol privileges on. `'1'` on, `'0'` off.
 */
const ELECTRON_DEFAULT_FUSES = '10110001';

/**
 * Writes a stand-in for Electron's unpacked Linux distribution into `dir`, for electron-builder's
 * `electronDist`: an `electron` executable that carries a real fuse wire (so the build flips the
 * fuses as it would in Electron's binary, and a test can read them back), Electron's LICENSE and a
 * locale. The Electron binary cannot be downloaded where the tests run; everything electron-builder
 * does around it, the asar, its unpacked native modules and the fuses, is real.
 */
export function writeStandInElectron(dir: string): void {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.from([1, ELECTRON_DEFAULT_FUSES.length, ...Buffer.from(ELECTRON_DEFAULT_FUSES)]);
  const binary = join(dir, 'electron');
  writeFileSync(
    binary,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "a stand-in for Electron"\nexit 1\n'),
      Buffer.from(FUSE_SENTINEL),
      wire,
    ]),
  );
  chmodSync(binary, 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'A stand-in for Electron’s MIT licence.\n');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
}
