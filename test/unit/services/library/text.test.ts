import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../electron/services/library/extract';
import { decodeText } from '../../../../electron/services/library/text/decode';
import { checkTextQuality } from '../../../../electron/services/library/text/quality';

const prose = 'Le café est très apprécié à Genève, où l’on boit aussi du thé. '.repeat(4);

describe('decodeText', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeText(Buffer.from(prose))).toMatchObject({ ok: true, text: prose, encoding: 'UTF-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(prose)]))).toMatchObject({
      ok: true,
      text: prose,
    });
  });

  it('reads UTF-16 with a byte-order mark, little and big endian', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(prose, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(prose, 'utf16be')]);
    expect(decodeText(le)).toMatchObject({ ok: true, text: prose, encoding: 'UTF-16LE' });
    expect(decodeText(be)).toMatchObject({ ok: true, text: prose, encoding: 'UTF-16BE' });
  });

  it('detects Latin-1 text that is not valid UTF-8', () => {
    const latin = 'Ceci est un texte en français: à, é, è, ç, ô, ü. '.repeat(10);
    const decoded = decodeText(iconv.encode(latin, 'latin1'));
    expect(decoded.ok && decoded.text).toBe(latin);
  });

  it('calls NUL bytes binary', () => {
    expect(decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toMatchObject({
      ok: false,
      reason: 'binary',
    });
  });
});

describe('text quality', () => {
  it('accepts prose and source code', () => {
    expect(checkTextQuality(prose)).toEqual({ ok: true });
    expect(checkTextQuality('function f(a) {\n  return { a, b: [1, 2, 3] };\n}\n'.repeat(5))).toEqual({ ok: true });
  });

  it('refuses binary decoded as text, raw RTF and raw HTML', () => {
    const binary = Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 256).filter((b) => b !== 0));
    expect(checkTextQuality(binary.toString('utf8')).ok).toBe(false);
    const rtf = '{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0\\fs24\\pard\\plain\\b Hello\\b0\\par}'.repeat(3);
    expect(checkTextQuality(rtf)).toMatchObject({ ok: false, detail: expect.stringMatching(/markup/) });
    const html = '<div class="a"><span><b><i>x</i></b></span></div>'.repeat(10);
    expect(checkTextQuality(html).ok).toBe(false);
    expect(checkTextQuality('   \n ')).toMatchObject({ ok: false });
  });
});

describe('extractDocument', () => {
  it('skips a binary file named .txt, a broken PDF, and legacy PowerPoint, with the reason', async () => {
    expect(await extractDocument('/x/photo.txt', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]))).toMatchObject({
      ok: false,
      reason: 'binary',
    });
    expect(await extractDocument('/x/report.pdf', Buffer.from('%PDF-1.7 and then nothing'))).toMatchObject({
      ok: false,
      reason: 'parse-failed',
      detail: expect.stringMatching(/^The PDF could not be read/),
    });
    expect(await extractDocument('/x/old.doc', Buffer.from('whatever'))).toMatchObject({
      ok: false,
      reason: 'parse-failed',
      detail: expect.stringMatching(/^The Word 97–2003 file could not be read/),
    });
    expect(await extractDocument('/x/slides.ppt', Buffer.from('whatever'))).toMatchObject({
      ok: false,
      reason: 'unsupported-type',
      detail: 'Legacy PowerPoint (.ppt) files are not read: save the presentation as .pptx to index it.',
    });
  });

  it('normalises line ends and marks Markdown', async () => {
    expect(await extractDocument('/x/notes.md', Buffer.from('# A\r\n\r\ntext\r\n'))).toEqual({
      ok: true,
      type: 'markdown',
      sections: [{ text: '# A\n\ntext\n', page: null }],
      markdown: true,
    });
  });

  it('turns HTML into Markdown without markup, keeping headings, with a body fallback', async () => {
    const page = `<html><head><title>t</title><script>var x = 1;</script></head><body>
      <nav><a href="/">Home</a></nav>
      <article><h1>Brewing</h1><p>${'Fresh beans make good coffee. '.repeat(20)}</p>
      <h2>Grinding</h2><p>${'Grind just before brewing. '.repeat(20)}</p></article>
      <footer>© 2026</footer></body></html>`;
    const article = await extractDocument('/x/page.html', Buffer.from(page));
    expect(article.ok && article.markdown).toBe(true);
    const text = article.ok ? article.sections[0]!.text : '';
    expect(text).toMatch(/^#+ Brewing/m);
    expect(text).toMatch(/^#+ Grinding/m);
    expect(text).not.toMatch(/<\/?[a-z]+[^>]*>/);
    expect(text).not.toContain('var x');

    const form = await extractDocument(
      '/x/form.htm',
      Buffer.from('<body><ul><li>One item</li><li>Two</li></ul></body>'),
    );
    expect(form.ok ? form.sections[0]!.text : form.detail).toMatch(/One item/);
  });
});
