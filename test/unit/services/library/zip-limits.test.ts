import { describe, expect, it } from 'vitest';
import { checkZipLimits } from '../../../../electron/services/library/parsers/zip-limits';
import { docx, storedZip } from '../../../helpers/zip';

describe('checkZipLimits', () => {
  it('passes an ordinary document and what is not a zip at all', () => {
    expect(() => checkZipLimits(docx('<w:p><w:r><w:t>Hello.</w:t></w:r></w:p>'))).not.toThrow();
    expect(() => checkZipLimits(Buffer.from('plain text, not a zip'))).not.toThrow();
  });

  it('refuses a part that expands far past its compressed size, before anything is inflated', () => {
    const bomb = docx(Buffer.alloc(40 * 1024 * 1024, 'a'));
    expect(() => checkZipLimits(bomb)).toThrow(/expands \d+× to 40 MB: a decompression bomb/);
    // The same part under the size floor is a small, very compressible file: fine.
    expect(() => checkZipLimits(bomb, { ratioFloorBytes: 64 * 1024 * 1024 })).not.toThrow();
  });

  it('refuses an archive whose parts together declare more than the limit', () => {
    const archive = storedZip([
      { name: 'a.xml', content: Buffer.alloc(3000) },
      { name: 'b.xml', content: Buffer.alloc(3000) },
    ]);
    expect(() => checkZipLimits(archive, { maxTotalBytes: 5000 })).toThrow(/expands to 0 MB, more than 0 MB/);
    try {
      checkZipLimits(archive, { maxTotalBytes: 5000 });
    } catch (error) {
      expect((error as { reason: string }).reason).toBe('zip-bomb');
    }
  });
});
