import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveVecExtensionPath } from '../../../../electron/services/store/vec-extension';

describe('resolveVecExtensionPath', () => {
  it('finds the installed sqlite-vec library', () => {
    expect(existsSync(resolveVecExtensionPath())).toBe(true);
  });

  it('points a packaged app at the unpacked copy beside the asar archive', () => {
    const packed = join(
      sep,
      'opt',
      'Hearth',
      'resources',
      'app.asar',
      'node_modules',
      'sqlite-vec-linux-x64',
      'vec0.so',
    );
    expect(resolveVecExtensionPath(packed)).toBe(
      join(sep, 'opt', 'Hearth', 'resources', 'app.asar.unpacked', 'node_modules', 'sqlite-vec-linux-x64', 'vec0.so'),
    );
  });

  it('leaves a development path alone', () => {
    const dev = join(sep, 'work', 'hearth', 'node_modules', 'sqlite-vec-linux-x64', 'vec0.so');
    expect(resolveVecExtensionPath(dev)).toBe(dev);
  });
});
