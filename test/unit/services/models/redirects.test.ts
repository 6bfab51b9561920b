import { describe, expect, it } from 'vitest';
import { HearthError } from '../../../../electron/ipc/errors';
import { checkedRedirect } from '../../../../electron/services/models/downloads/download-file';
import { isHubUrl } from '../../../../electron/services/models/downloads/download-service';

const hub = new URL('https://huggingface.co/org/repo/resolve/main/model.gguf');

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HearthError);
    expect((error as HearthError).code).toBe('DOWNLOAD_FAILED');
    return (error as HearthError).message;
  }
  throw new Error('expected a refusal');
}

describe('redirect hops', () => {
  it('follows the hub to its CDN hosts', () => {
    for (const location of [
      'https://cdn-lfs.huggingface.co/repos/ab/cd/file',
      'https://cas-bridge.xethub.hf.co/xet-bridge-us/abc',
      '/org/repo/resolve/main/model-other.gguf',
    ]) {
      expect(checkedRedirect(hub, location, isHubUrl).hostname).toMatch(/(^|\.)(huggingface\.co|hf\.co)$/);
    }
  });

  it.each([
    ['an https → http downgrade, even to the hub', 'http://huggingface.co/org/repo/resolve/main/model.gguf'],
    ['another origin', 'https://evil.example/model.gguf'],
    ['a look-alike host', 'https://huggingface.co.evil.example/model.gguf'],
    ['credentials in the URL', 'https://user:pass@cdn-lfs.huggingface.co/file'],
    ['a non-default port', 'https://cdn-lfs.huggingface.co:8443/file'],
    ['file:', 'file:///etc/passwd'],
  ])('refuses %s', (_case, location) => {
    expect(refusal(() => checkedRedirect(hub, location, isHubUrl))).toMatch(/does not download from/);
  });

  it('refuses a redirect without a Location', () => {
    expect(refusal(() => checkedRedirect(hub, null, isHubUrl))).toMatch(/without saying where/);
  });

  it('refuses a downgrade even when the allow-list would accept it', () => {
    expect(refusal(() => checkedRedirect(hub, 'http://127.0.0.1/x', () => true))).toMatch(/http:\/\/127\.0\.0\.1/);
  });
});
