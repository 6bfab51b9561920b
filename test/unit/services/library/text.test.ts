import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../electron/services/library/extract';
import { decodeText } from '../../../../electron/services/library/text/decode';
import { EBCDIC } from '../../../../electron/services/library/text/ebcdic';
import { blankEncodedRuns } from '../../../../electron/services/library/text/encoded-runs';
import { repairDoubleEncoding, repairWrongCodePage } from '../../../../electron/services/library/text/repair';
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

  // One sentence per language, in the code pages their files are found in with no declaration.
  const LANGUAGES: Array<[string, string]> = [
    ['cp866', 'Привет, мир! Это пример текста на русском языке, который должен быть прочитан правильно.'],
    ['koi8-r', 'Договор поставки. Поставщик обязуется передать товар в срок до первого марта.'],
    ['windows-1251', 'КОНТИНЕНТ — это журнал о литературе и обществе. Статьи, рецензии, интервью.'],
    ['windows-1252', 'Die Größe der Straße ändert sich nicht. Übermäßig schön, sagt Jürgen.'],
    ['windows-1253', 'Η Ελλάδα είναι μια χώρα στη νοτιοανατολική Ευρώπη με πλούσια ιστορία.'],
    ['iso-8859-6', 'اللغة العربية هي لغة رسمية في كثير من البلدان وهي من أقدم اللغات'],
    ['windows-1256', 'اللغة العربية هي لغة رسمية في كثير من البلدان وهي من أقدم اللغات'],
    ['windows-1255', 'עברית היא שפה שמית הנכתבת מימין לשמאל ומדוברת בישראל'],
    ['windows-1250', 'Zażółć gęślą jaźń. Polski tekst z wieloma znakami diakrytycznymi, łódź i źrebię.'],
    ['windows-1254', 'Türkçe metin: İstanbul güzel bir şehirdir ve çok sayıda ağaç vardır.'],
    ['shift_jis', '日本語のテキストです。これは文字コードの検出のテストです。東京は日本の首都です。'],
    ['big5', '這是一個繁體中文的測試文件，用於檢查字元編碼的偵測是否正確。臺灣。'],
    ['gb18030', '这是一个简体中文的测试文件，用于检查字符编码的检测是否正确。北京。'],
    ['euc-kr', '한국어 텍스트입니다. 이것은 문자 인코딩 감지 테스트입니다. 서울은 수도입니다.'],
  ];
  it.each(LANGUAGES)('reads %s text with no declaration as the language it is', (encoding, text) => {
    const decoded = decodeText(iconv.encode(text, encoding));
    expect(decoded.ok && decoded.text).toBe(text);
  });

  it('reads EBCDIC (cp500, cp037) mainframe text, its NEL line ends as new lines', () => {
    const report = 'MAINFRAME REPORT 2024\u0085Customer accounts were reconciled on the first business day.\u0085';
    const bytes = Buffer.from([...report].map((char) => EBCDIC.cp500.indexOf(char)));
    expect(decodeText(bytes)).toMatchObject({ ok: true, text: report.replaceAll('\u0085', '\n') });
  });

  it('honours a declared charset over detection, and a byte-order mark over the declaration', () => {
    const cyrillic = iconv.encode('Континент', 'windows-1251');
    expect(decodeText(cyrillic, { declared: 'windows-1251' })).toMatchObject({ text: 'Континент' });
    // Declared ISO-8859-1 is read as browsers read it: Windows-1252 (its curly quotes included).
    expect(decodeText(Buffer.from([0x93, 0x68, 0x69, 0x94]), { declared: 'ISO-8859-1' })).toMatchObject({
      text: '\u201chi\u201d',
    });
    expect(decodeText(Buffer.from('\ufeffplain', 'utf8'), { declared: 'windows-1251' })).toMatchObject({
      text: 'plain',
    });
    // An unknown label is no declaration.
    expect(decodeText(Buffer.from(prose), { declared: 'x-no-such-charset' })).toMatchObject({ text: prose });
  });

  it('reads UTF-16 without a byte-order mark by its zero bytes', () => {
    expect(decodeText(iconv.encode(prose, 'utf16le'))).toMatchObject({ ok: true, text: prose, encoding: 'UTF16LE' });
    expect(decodeText(iconv.encode(prose, 'utf16be'))).toMatchObject({ ok: true, text: prose, encoding: 'UTF16BE' });
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

  it('counts tags as markup, not addresses in angle brackets', () => {
    const recipients = Array.from({ length: 40 }, (_, i) => `Member ${i} <member${i}@allotments.example.org>`).join(
      ', ',
    );
    expect(checkTextQuality(`# Rota\n\nTo: ${recipients}\n\nWater on Tuesdays.`)).toEqual({ ok: true });
    const exchange = Array.from(
      { length: 20 },
      (_, i) => `</o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=user${i}>`,
    ).join(' ');
    expect(checkTextQuality(`From: ${exchange}\n\nThe budget is attached.`)).toEqual({ ok: true });
    expect(
      checkTextQuality(
        `See <https://example.org/a/very/long/path/to/a/page> and ${'<https://example.org/x> '.repeat(20)}`,
      ),
    ).toEqual({ ok: true });
    expect(checkTextQuality('<td width=100><font face=Arial>x</font></td>'.repeat(10)).ok).toBe(false);
  });

  it('refuses fragments of a few symbols, and garbage however short', () => {
    for (const fragment of ['/', '[]', '==', ' -> ', '{}\n']) {
      expect(checkTextQuality(fragment)).toMatchObject({ ok: false, reason: 'no-text' });
    }
    expect(checkTextQuality('Yes!')).toEqual({ ok: true });
    expect(checkTextQuality('abcd\u0001\u0002\u0003')).toMatchObject({ ok: false, reason: 'garbage-text' });
    expect(checkTextQuality('\\rtf1\\ansi x')).toMatchObject({ ok: false, reason: 'garbage-text' });
  });

  it('refuses mojibake: UTF-8 read as Latin-1, and Cyrillic read through a Latin page', () => {
    const utf8AsWindows = iconv.decode(
      Buffer.from('Un café crème à la française, très apprécié.', 'utf8'),
      'windows-1252',
    );
    expect(utf8AsWindows).toContain('cafÃ©');
    expect(checkTextQuality(utf8AsWindows)).toMatchObject({
      ok: false,
      reason: 'garbage-text',
      detail: expect.stringMatching(/mojibake/),
    });
    const cyrillicAsLatin = iconv.decode(iconv.encode('КОНТИНЕНТ ЖУРНАЛ ЛИТЕРАТУРЫ', 'windows-1251'), 'windows-1252');
    expect(cyrillicAsLatin).toBe('ÊÎÍÒÈÍÅÍÒ ÆÓÐÍÀË ËÈÒÅÐÀÒÓÐÛ');
    expect(checkTextQuality(cyrillicAsLatin)).toMatchObject({ ok: false, reason: 'garbage-text' });
    // French and German prose is not mojibake.
    expect(checkTextQuality('« Déjà vu », dit-il. Größe, Ärger, Übel, café, garçon, naïve.')).toEqual({ ok: true });
  });
});

describe('encoded runs', () => {
  it('blanks base64 and quoted-printable runs, keeping the line numbers of the rest', () => {
    const base64 = Buffer.alloc(300, 7)
      .toString('base64')
      .match(/.{1,76}/g)!;
    const text = [
      'Dear Ada,',
      ...base64,
      'See you soon.',
      '=C3=A9t=C3=A9 =E2=80=94 caf=C3=A9 au lait =C3=A0 la gare',
    ].join('\n');
    const { text: blanked, blanked: count } = blankEncodedRuns(text);
    expect(blanked.split('\n')).toHaveLength(text.split('\n').length);
    expect(blanked.split('\n')[0]).toBe('Dear Ada,');
    expect(blanked).not.toMatch(/BwcH|=C3/);
    expect(blanked).toContain('See you soon.');
    expect(count).toBeGreaterThan(400);
    const dataUri = `A picture: data:image/png;base64,${Buffer.from('x'.repeat(200)).toString('base64')} end of line, and more words after it.`;
    expect(blankEncodedRuns(dataUri).text).toBe('A picture:  end of line, and more words after it.');
    // Prose, long words and a long line of letters only are left as they are.
    expect(blankEncodedRuns(prose)).toEqual({ text: prose, blanked: 0 });
    const dna = 'ACGT'.repeat(60);
    expect(blankEncodedRuns(dna).text).toBe(dna);
    const paths = [
      '/System/Library/LaunchDaemons/Daemons2/Agents/Preferences/Caches',
      '/Library/Application/Support/Com/Apple/Version10/Profiles',
    ].join('\n');
    expect(blankEncodedRuns(paths).text).toBe(paths);
  });

  it('undoes double-encoded UTF-8, and leaves other text alone', () => {
    const once = 'Café crème, naïve façade, Zürich, ½ price — “quoted”.';
    const twice = Buffer.from(once, 'utf8')
      .toString('latin1')
      .replace(/[\u0080-\u009f]/g, (c) => iconv.decode(Buffer.from([c.charCodeAt(0)]), 'windows-1252'));
    expect(repairDoubleEncoding(iconv.decode(Buffer.from(once, 'utf8'), 'windows-1252'))).toBe(once);
    expect(twice.length).toBeGreaterThan(once.length);
    expect(repairDoubleEncoding(once)).toBe(once);
    expect(repairDoubleEncoding('日本語 Ã© mixed')).toBe('日本語 Ã© mixed');
  });

  it('reads again in its own code page text that was read as Windows-1252, and leaves Latin text alone', () => {
    const russian = 'Договор поставки. Поставщик обязуется передать товар в срок.';
    const misread = iconv.decode(iconv.encode(russian, 'windows-1251'), 'windows-1252');
    expect(misread).toMatch(/^Äîãîâîð/);
    expect(repairWrongCodePage(misread)).toBe(russian);
    const greek = 'Η Ελλάδα είναι μια χώρα στη νοτιοανατολική Ευρώπη.';
    expect(repairWrongCodePage(iconv.decode(iconv.encode(greek, 'windows-1253'), 'windows-1252'))).toBe(greek);
    for (const latin of [prose, 'Größe, Ärger, Übel: schöne Grüße aus Zürich.', 'Þórður á Íslandi.']) {
      expect(repairWrongCodePage(latin)).toBe(latin);
    }
  });
});

describe('extractDocument', () => {
  it('skips a binary file named .txt, a broken PDF, Word or PowerPoint file, with the reason', async () => {
    expect(
      await extractDocument('/x/program.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00])),
    ).toMatchObject({
      ok: false,
      reason: 'binary',
    });
    expect(await extractDocument('/x/report.pdf', Buffer.from('%PDF-1.7 and then nothing'))).toMatchObject({
      ok: false,
      reason: 'parse-failed',
      detail: expect.stringMatching(/^The PDF could not be read/),
    });
    expect(await extractDocument('/x/old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0, 1, 2]))).toMatchObject({
      ok: false,
      reason: 'parse-failed',
      detail: expect.stringMatching(/^The Word 97–2003 file could not be read/),
    });
    expect(
      await extractDocument('/x/slides.ppt', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0, 1, 2])),
    ).toMatchObject({
      ok: false,
      reason: 'parse-failed',
      detail: expect.stringMatching(/^The PowerPoint 97–2003 file could not be read/),
    });
  });

  it('normalises line ends and marks Markdown', async () => {
    expect(await extractDocument('/x/notes.md', Buffer.from('# A\r\n\r\ntext\r\n'))).toEqual({
      ok: true,
      type: 'markdown',
      reader: 'markdown@3',
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
