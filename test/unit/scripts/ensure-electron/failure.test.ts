import { describe, expect, it } from 'vitest';
import {
  defaultElectronCacheDir,
  describeCause,
  downloadFailureMessage,
} from '../../../../scripts/ensure-electron/failure';

const url = 'https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip';

/** What Node's fetch throws: a bare "fetch failed" whose `cause` holds the real reason. */
function fetchFailed(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) });
}

function httpError(status: number): Error {
  return Object.assign(new Error(`Response code ${status} (Whatever) for ${url}`), { name: 'HTTPError' });
}

describe('describeCause', () => {
  it.each([
    ['no DNS', fetchFailed('ENOTFOUND'), 'github.com could not be found (DNS lookup failed: ENOTFOUND)'],
    ['DNS timing out', fetchFailed('EAI_AGAIN'), 'looks offline'],
    ['refused', fetchFailed('ECONNREFUSED'), 'github.com could not be reached (ECONNREFUSED)'],
    ['connect timeout', fetchFailed('UND_ERR_CONNECT_TIMEOUT'), 'could not be reached'],
    [
      'an intercepting proxy',
      fetchFailed('SELF_SIGNED_CERT_IN_CHAIN'),
      'TLS certificate of github.com was not trusted',
    ],
    ['a 404', httpError(404), 'answered 404: it has no Electron electron-v45.5.0-linux-x64.zip'],
    ['a 503', httpError(503), 'github.com answered HTTP 503'],
    [
      'a checksum mismatch',
      new Error('Generated checksum for "electron.zip" did not match expected checksum.'),
      'published SHA-256',
    ],
    ['a stall', Object.assign(new Error('This operation was aborted'), { name: 'AbortError' }), 'stalled'],
  ])('%s', (_case, error, expected) => {
    expect(describeCause(error, url)).toContain(expected);
  });

  it('falls back to the first line of anything else, with its cause', () => {
    const error = new Error('something odd\n    at frame', { cause: new Error('deeper') });
    expect(describeCause(error, url)).toBe('something odd: deeper');
  });
});

describe('downloadFailureMessage', () => {
  it('names the version, the cause and every way out', () => {
    const message = downloadFailureMessage(
      { version: '45.5.0', target: 'linux-x64', url, cacheDir: '/cache/electron' },
      fetchFailed('ENOTFOUND'),
    );
    expect(message).toContain('Electron 45.5.0 (linux-x64) is not installed');
    for (const way of [
      'HTTPS_PROXY',
      'ELECTRON_GET_USE_PROXY',
      'ELECTRON_MIRROR',
      'electron_config_cache',
      'ELECTRON_EXEC_PATH',
    ])
      expect(message).toContain(way);
    expect(message).toContain('/cache/electron');
    expect(message).not.toMatch(/^\s+at /m);
  });
});

describe('defaultElectronCacheDir', () => {
  it('follows electron_config_cache, then the OS cache folder', () => {
    expect(defaultElectronCacheDir({ electron_config_cache: '/mine' }, 'linux')).toBe('/mine');
    expect(defaultElectronCacheDir({ XDG_CACHE_HOME: '/xdg' }, 'linux')).toBe('/xdg/electron');
    expect(defaultElectronCacheDir({}, 'darwin')).toMatch(/Library\/Caches\/electron$/);
    expect(defaultElectronCacheDir({ LOCALAPPDATA: 'C:/Users/u/AppData/Local' }, 'win32')).toMatch(
      /AppData[\\/]Local[\\/]electron[\\/]Cache$/,
    );
  });
});
