import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { rendererResponse } from '../../../electron/main/renderer-files';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir('hearth-renderer-');

function build(): string {
  const root = tempDir();
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Hearth</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tempDir(), 'secret.txt'), 'outside');
  return root;
}

describe('app:// responses', () => {
  it('serves the built files directly, with their type and the CSP header', async () => {
    const root = build();
    const page = await rendererResponse(root, 'app://hearth/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Hearth</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await rendererResponse(root, 'app://hearth/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    // A client-side route gets the app.
    expect(await (await rendererResponse(root, 'app://hearth/models')).text()).toContain('Hearth');
  });

  it.each(['app://hearth/assets/missing.js', 'app://hearth/..%2f..%2fsecret.txt', 'app://other/index.html'])(
    '404 for %s',
    async (url) => {
      expect((await rendererResponse(build(), url)).status).toBe(404);
    },
  );
});
