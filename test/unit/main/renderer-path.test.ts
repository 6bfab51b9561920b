import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererPath } from '../../../electron/main/renderer-path';

const root = resolve('/opt/hearth/renderer');

describe('resolveRendererPath', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveRendererPath(root, '/assets/index.js')).toBe(join(root, 'assets/index.js'));
  });

  it.each(['/', '/chat', '/settings/about'])('serves index.html for route %s', (path) => {
    expect(resolveRendererPath(root, path)).toBe(join(root, 'index.html'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../etc/passwd.txt',
    '/%2e%2e/%2e%2e/etc/passwd.txt',
    '/a%00.js',
    '/..%5c..%5cwin.ini',
    '/%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(resolveRendererPath(root, path)).toBeNull();
  });
});
