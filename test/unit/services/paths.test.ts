import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderPrefix, isInside, posixRelative, toPosix } from '../../../electron/services/paths';

describe('paths on Windows and POSIX', () => {
  it('ends a folder with one separator, a drive or file-system root included', () => {
    expect(folderPrefix('C:\\Users\\ada\\Notes', win32)).toBe('C:\\Users\\ada\\Notes\\');
    expect(folderPrefix('C:\\', win32)).toBe('C:\\');
    expect(folderPrefix('/home/ada/notes', posix)).toBe('/home/ada/notes/');
    expect(folderPrefix('/', posix)).toBe('/');
  });

  it('tells what is inside a folder, and that a sibling sharing its name’s start is not', () => {
    expect(isInside('C:\\Users\\ada\\Notes\\sub\\a.md', 'C:\\Users\\ada\\Notes', win32)).toBe(true);
    expect(isInside('C:\\Users\\ada\\Notes2\\a.md', 'C:\\Users\\ada\\Notes', win32)).toBe(false);
    expect(isInside('C:\\a.md', 'C:\\', win32)).toBe(true);
    expect(isInside('D:\\a.md', 'C:\\', win32)).toBe(false);
    // A POSIX name may hold a backslash: it separates nothing there.
    expect(isInside('/notes\\a.md', '/notes', posix)).toBe(false);
    expect(isInside('/notes/a.md', '/notes', posix)).toBe(true);
    expect(isInside('/notes', '/notes', posix)).toBe(true);
    expect(isInside('/notes2/a.md', '/notes', posix)).toBe(false);
    expect(isInside('/a.md', '/', posix)).toBe(true);
  });

  it('writes relative paths with / on both', () => {
    expect(posixRelative('C:\\Users\\ada\\Notes', 'C:\\Users\\ada\\Notes\\sub\\a.md', win32)).toBe('sub/a.md');
    expect(posixRelative('/home/ada/notes', '/home/ada/notes/sub/a.md', posix)).toBe('sub/a.md');
    expect(toPosix('sub\\deeper\\a.md', win32)).toBe('sub/deeper/a.md');
    // On POSIX a backslash is part of a name, not a separator, and stays.
    expect(toPosix('odd\\name.md', posix)).toBe('odd\\name.md');
  });
});
