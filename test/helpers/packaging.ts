import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import { parse } from 'yaml';

export interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
  nsis: { deleteAppDataOnUninstall: boolean };
}

export const builderConfig = parse(
  readFileSync(resolve(import.meta.dirname, '../../electron-builder.yml'), 'utf8'),
) as BuilderConfig;

/** electron-builder's `${platform}` for each `${os}`: Node's name for it. */
const NODE_PLATFORM: Record<string, string> = { linux: 'linux', mac: 'darwin', win: 'win32' };

/**
 * Whether electron-builder packs `path` (relative to the project): its `files` patterns apply in
 * order, and a `!` pattern removes what earlier ones added.
 */
export function shipped(path: string, os = 'linux', arch = 'x64'): boolean {
  let included = false;
  for (const raw of builderConfig.files) {
    const negated = raw.startsWith('!');
    const pattern = (negated ? raw.slice(1) : raw)
      .replaceAll('${os}', os)
      .replaceAll('${platform}', NODE_PLATFORM[os] ?? os)
      .replaceAll('${arch}', arch);
    if (picomatch.isMatch(path, pattern, { dot: true })) included = !negated;
  }
  return included;
}

/** Whether `path` is unpacked next to the asar (native code cannot load from inside it). */
export function unpacked(path: string): boolean {
  return builderConfig.asarUnpack.some((pattern) => picomatch.isMatch(path, pattern, { dot: true }));
}

/** Test code by its path: the test tree, the test bridge, `*.test.*` and `*.spec.*` files. */
export function isTestCode(path: string): boolean {
  return /(^|\/)(test|tests|__tests__|test-bridge)\//.test(path) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(path);
}
