import { describe, expect, it } from 'vitest';
import { foreignPaths, stringsIn } from '../../helpers/foreign-paths';

describe('foreignPaths', () => {
  it('finds POSIX and Windows paths the caller did not give', () => {
    expect(foreignPaths("ENOSPC: no space left on device, copyfile '/home/a/x.gguf' -> '/data/models/x.gguf'")).toEqual(
      ['/home/a/x.gguf', '/data/models/x.gguf'],
    );
    expect(foreignPaths('Could not open C:\\Users\\a\\AppData\\Hearth\\models\\x.gguf.')).toEqual([
      'C:\\Users\\a\\AppData\\Hearth\\models\\x.gguf',
    ]);
  });

  it('allows the paths given, and files inside a folder given', () => {
    expect(foreignPaths('No file at /home/a/x.gguf.', ['/home/a/x.gguf'])).toEqual([]);
    expect(foreignPaths('/home/a/split-2.gguf is missing', ['/home/a'])).toEqual([]);
    expect(foreignPaths('/home/ab/x.gguf is missing', ['/home/a'])).toEqual(['/home/ab/x.gguf']);
  });

  it('ignores URLs, ratios and words joined by a slash', () => {
    expect(
      foreignPaths('Only https://huggingface.co/org/repo/resolve/main/x.gguf, 3/4 done, read and/or write.'),
    ).toEqual([]);
  });

  it('collects every string of an input, however nested', () => {
    expect(stringsIn({ path: '/a', nested: [{ b: '/b' }, 3], n: null })).toEqual(['/a', '/b']);
  });
});
