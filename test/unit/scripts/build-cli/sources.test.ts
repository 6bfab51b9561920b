import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleIsCurrent, newestSource } from '../../../../scripts/build-cli/sources.mjs';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir('hearth-cli-stamp-');

/** A checkout with one source file per CLI folder, and a bundle stamped at `builtAt` (ms). */
function checkout(builtAt: number | null): string {
  const root = tempDir();
  for (const dir of ['electron/cli', 'electron/ipc', 'electron/services/x']) {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, 'a.ts'), 'export {};\n');
    utimesSync(join(root, dir, 'a.ts'), new Date(1_000_000), new Date(1_000_000));
  }
  if (builtAt !== null) {
    mkdirSync(join(root, 'out/cli'), { recursive: true });
    writeFileSync(join(root, 'out/cli/built.json'), JSON.stringify({ newestSource: builtAt }));
  }
  return root;
}

describe('which `hearth` a checkout runs', () => {
  it('runs the bundle built from the sources there now', () => {
    const root = checkout(1_000_000);
    expect(newestSource(root)).toBe(1_000_000);
    expect(bundleIsCurrent(root, {})).toBe(true);
  });

  it('runs the TypeScript when a source is newer than the bundle, the bundle is missing, or it is asked to', () => {
    const edited = checkout(1_000_000);
    utimesSync(join(edited, 'electron/services/x/a.ts'), new Date(2_000_000), new Date(2_000_000));
    expect(bundleIsCurrent(edited, {})).toBe(false);
    expect(bundleIsCurrent(checkout(null), {})).toBe(false);
    expect(bundleIsCurrent(checkout(1_000_000), { HEARTH_CLI_FROM_SOURCE: '1' })).toBe(false);
  });
});
