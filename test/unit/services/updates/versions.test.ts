import { describe, expect, it } from 'vitest';
import { channelFile, feedUrlFrom } from '../../../../electron/services/updates/update-feed';
import { compareVersions } from '../../../../electron/services/updates/versions';

describe('release versions', () => {
  it('orders them as semver does: numbers by value, a release after its pre-releases', () => {
    const sorted = ['1.10.0', '0.1.0', '1.0.0', '1.0.0-beta.2', '1.0.0-beta.10', '1.0.0-alpha', 'v1.9.2', '1.0.0-beta'];
    expect(sorted.sort(compareVersions)).toEqual([
      '0.1.0',
      '1.0.0-alpha',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.10',
      '1.0.0',
      'v1.9.2',
      '1.10.0',
    ]);
    expect(compareVersions('1.2.3+build.5', '1.2.3')).toBe(0);
  });

  it('refuses what is not a version instead of guessing', () => {
    for (const bad of ['', '1.2', 'latest', '1.2.3.4', '1.2.x', '01.2.3 beta']) {
      expect(() => compareVersions(bad, '1.0.0')).toThrow(/Not a release version/);
    }
  });
});

describe('the release feed a build names', () => {
  it('reads GitHub releases and HTTPS folders from app-update.yml, and nothing else', () => {
    expect(feedUrlFrom('provider: github\nowner: hearth-app\nrepo: hearth\n')).toBe(
      'https://github.com/hearth-app/hearth/releases/latest/download',
    );
    expect(feedUrlFrom('provider: generic\nurl: https://example.org/releases/\n')).toBe('https://example.org/releases');
    // Plain http could be changed on the way; an incomplete or unknown provider is no feed.
    expect(feedUrlFrom('provider: generic\nurl: http://example.org/releases\n')).toBeNull();
    expect(feedUrlFrom('provider: github\nowner: hearth-app\n')).toBeNull();
    expect(feedUrlFrom('provider: s3\nbucket: x\n')).toBeNull();
    expect(feedUrlFrom('')).toBeNull();
  });

  it('names the file electron-builder publishes for each platform', () => {
    expect(channelFile('linux')).toBe('latest-linux.yml');
    expect(channelFile('darwin')).toBe('latest-mac.yml');
    expect(channelFile('win32')).toBe('latest.yml');
  });
});
