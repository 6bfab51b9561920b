import { gzipSync } from 'node:zlib';
import { CFB, utils, write } from '@e965/xlsx';
import iconv from 'iconv-lite';
import { cjkPdf } from './cjk-pdf';
import { EBCDIC } from '../../electron/services/library/text/ebcdic';
import { pdfFile, pdfStream } from './pdf-file';
import { docx, ooxmlPackage, storedZip } from './zip';

/** What reading a sample must give: indexed with these words, or skipped with this reason. */
export type SampleExpectation =
  | { status: 'indexed'; type: string; contains: readonly string[]; lacks?: readonly string[] }
  | { status: 'skipped'; type?: string; reason: string; detail?: RegExp };

export interface FormatSample {
  /** File name, relative to the sample folder (may hold a folder). */
  name: string;
  /** The class of input it stands for (issue 20's list), for reports. */
  kind: string;
  bytes: Buffer;
  expect: SampleExpectation;
}

const W2006 = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const LETTER = 'Dear Mrs Okafor, the allotment committee thanks you for the compost.';

/**
 * Every class of file the library's second round reads or refuses (declared and undeclared
 * charsets, CJK PDFs, RTF groups, content that contradicts its name, macro and template Office
 * files, mailboxes, saved web pages, HTTP responses, Office 2003 XML, XPS, legacy PowerPoint,
 * subtitles, notebooks, iWork, OneNote, encrypted Office, broken Word, Exchange addresses, symbol
 * fragments), generated here so the tests and the multi-format run need no downloads. Each sample
 * says what reading it must give.
 */
export function formatSamples(): FormatSample[] {
  return [
    ...charsetSamples(),
    ...pdfSamples(),
    ...rtfSamples(),
    ...sniffedSamples(),
    ...officeSamples(),
    ...mailSamples(),
    ...otherFormatSamples(),
    ...reasonSamples(),
  ];
}

function charsetSamples(): FormatSample[] {
  const nested = `<html><body><h1>Deep page</h1>${'<div>'.repeat(2000)}<p>${LETTER}</p>${'</div>'.repeat(2000)}</body></html>`;
  const russian = 'КОНТИНЕНТ: журнал о литературе и обществе. Статьи, рецензии и интервью с писателями.';
  const arabic = 'اللغة العربية هي لغة رسمية في كثير من البلدان، وهي من أقدم اللغات السامية.';
  return [
    {
      name: 'charsets/kontinent.html',
      kind: 'declared charset (HTML meta)',
      bytes: Buffer.concat([
        Buffer.from('<html><head><meta charset="windows-1251"><title>Континент</title></head><body><h1>'),
        iconv.encode('Континент', 'windows-1251'),
        Buffer.from('</h1><p>'),
        iconv.encode(russian, 'windows-1251'),
        Buffer.from('</p></body></html>'),
      ]),
      expect: { status: 'indexed', type: 'html', contains: ['КОНТИНЕНТ: журнал о литературе'], lacks: ['ÊÎÍ'] },
    },
    {
      name: 'charsets/arabic.htm',
      kind: 'declared charset (http-equiv)',
      bytes: Buffer.concat([
        Buffer.from(
          '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6"></head><body><p>',
        ),
        iconv.encode(arabic, 'iso-8859-6'),
        Buffer.from('</p></body></html>'),
      ]),
      expect: { status: 'indexed', type: 'html', contains: ['اللغة العربية هي لغة رسمية'] },
    },
    {
      name: 'charsets/utf8-declared-utf16.xml.html',
      kind: 'a wrong UTF-16 declaration on UTF-8',
      bytes: Buffer.from(
        `<?xml version="1.0" encoding="UTF-16"?><html><body><p>Crème brûlée. ${LETTER}</p></body></html>`,
      ),
      expect: { status: 'indexed', type: 'html', contains: ['Crème brûlée.'] },
    },
    {
      name: 'charsets/windows-quotes.html',
      kind: 'ISO-8859-1 declared, Windows-1252 meant',
      bytes: Buffer.concat([
        Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>'),
        iconv.encode('\u201cQuoted\u201d \u2014 as Windows writes it, café.', 'windows-1252'),
        Buffer.from('</p></body></html>'),
      ]),
      expect: { status: 'indexed', type: 'html', contains: ['\u201cQuoted\u201d \u2014 as Windows writes it, café.'] },
    },
    {
      name: 'charsets/nested.html',
      kind: '2,000 nested divs (past Readability and Turndown)',
      bytes: Buffer.from(nested),
      expect: { status: 'indexed', type: 'html', contains: ['# Deep page', LETTER] },
    },
    {
      name: 'charsets/dos-russian.txt',
      kind: 'undeclared cp866',
      bytes: iconv.encode(`${russian}\r\nПривет из DOS.\r\n`, 'cp866'),
      expect: { status: 'indexed', type: 'text', contains: ['журнал о литературе', 'Привет из DOS.'] },
    },
    {
      name: 'charsets/build-output.log',
      kind: 'a log saved from a terminal, with colours, a title and a hyperlink',
      bytes: Buffer.from(
        '\u001b]0;ci: build #412\u0007' +
          Array.from(
            { length: 20 },
            (_, i) =>
              `\u001b[32m\u001b[1mINFO\u001b[0m step ${i}: compiled \u001b]8;;https://example.org/s${i}\u001b\\module ${i}\u001b]8;;\u001b\\ without warnings\r\n`,
          ).join('') +
          '\u001b[31mERROR\u001b[0m the linker could not find libcompost\n',
      ),
      expect: {
        status: 'indexed',
        type: 'text',
        contains: ['INFO step 3: compiled module 3 without warnings', 'ERROR the linker could not find libcompost'],
        lacks: ['\u001b', '[32m', ']8;;', 'build #412'],
      },
    },
    {
      name: 'charsets/mainframe-report',
      kind: 'undeclared EBCDIC (cp500)',
      bytes: Buffer.from(
        [...'QUARTERLY LEDGER\u0085Accounts payable were reconciled on the first business day of April.\u0085'].map(
          (char) => EBCDIC.cp500.indexOf(char),
        ),
      ),
      expect: { status: 'indexed', type: 'text', contains: ['Accounts payable were reconciled'] },
    },
    {
      name: 'charsets/big5-notes.txt',
      kind: 'undeclared Big5',
      bytes: iconv.encode('這是一個繁體中文的會議記錄，討論明年的預算與人事安排。臺北辦公室。', 'big5'),
      expect: { status: 'indexed', type: 'text', contains: ['繁體中文的會議記錄'] },
    },
    {
      name: 'charsets/double-encoded.txt',
      kind: 'UTF-8 saved twice (mojibake repaired)',
      bytes: Buffer.from(
        iconv.decode(Buffer.from('Un café crème à la française, très apprécié à Genève.', 'utf8'), 'windows-1252'),
        'utf8',
      ),
      expect: { status: 'indexed', type: 'text', contains: ['Un café crème à la française'], lacks: ['Ã©'] },
    },
  ];
}

function pdfSamples(): FormatSample[] {
  return [
    {
      name: 'pdf/japanese.pdf',
      kind: 'CID-keyed CJK PDF (Japanese)',
      bytes: cjkPdf({ language: 'japanese', text: '日本語の契約書です', latin: 'Contract summary' }),
      expect: { status: 'indexed', type: 'pdf', contains: ['日本語の契約書です', 'Contract summary'] },
    },
    {
      name: 'pdf/chinese.pdf',
      kind: 'CID-keyed CJK PDF (Chinese)',
      bytes: cjkPdf({ language: 'chinese', text: '中文文档的测试' }),
      expect: { status: 'indexed', type: 'pdf', contains: ['中文文档的测试'] },
    },
    {
      name: 'pdf/korean.pdf',
      kind: 'CID-keyed CJK PDF (Korean)',
      bytes: cjkPdf({ language: 'korean', text: '한국어 문서입니다' }),
      expect: { status: 'indexed', type: 'pdf', contains: ['한국어 문서입니다'] },
    },
    {
      name: 'pdf/vertical.pdf',
      kind: 'vertical CJK text',
      bytes: cjkPdf({ language: 'japanese', text: '縦書きの文章', vertical: true }),
      expect: { status: 'indexed', type: 'pdf', contains: ['縦書きの文章'] },
    },
    {
      name: 'pdf/private-use.pdf',
      kind: 'PDF font with no Unicode map',
      bytes: pdfFile([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
        pdfStream('', Buffer.from('BT /F1 12 Tf 72 700 Td <E001E002E003E004E005E006E007E008E009E00A> Tj ET')),
        '<< /Type /Font /Subtype /Type0 /BaseFont /Custom /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
        '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Custom /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>',
        pdfStream(
          '',
          Buffer.from(
            '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <E001> <E00A> <E001> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end',
          ),
        ),
      ]),
      expect: { status: 'skipped', type: 'pdf', reason: 'garbage-text', detail: /no Unicode map/ },
    },
  ];
}

function rtfSamples(): FormatSample[] {
  const hex = (bytes: Buffer) => [...bytes].map((byte) => `\\'${byte.toString(16).padStart(2, '0')}`).join('');
  return [
    {
      name: 'rtf/letter-in-header.rtf',
      kind: 'RTF body in a header group, list tables',
      bytes: Buffer.from(
        '{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}' +
          "{\\*\\listtable{\\list\\listtemplateid1{\\listlevel\\levelnfc23{\\leveltext\\'01\\u-3913 ?;}{\\levelnumbers;}}\\listid1}}" +
          '{\\*\\listoverridetable{\\listoverride\\listid1\\listoverridecount0\\ls1}}' +
          `{\\header\\pard ${LETTER}\\par}}`,
        'latin1',
      ),
      expect: { status: 'indexed', type: 'rtf', contains: [LETTER], lacks: ['listoverride', '\u0001'] },
    },
    {
      name: 'rtf/cyrillic.rtf',
      kind: 'RTF \\ansicpg and \\u escapes',
      bytes: Buffer.from(
        `{\\rtf1\\ansi\\ansicpg1251{\\fonttbl{\\f0\\fcharset204 Arial;}{\\f1\\fcharset128 MS Mincho;}}\\f0 ${hex(
          iconv.encode('Договор поставки', 'windows-1251'),
        )}\\par{\\f1 ${hex(iconv.encode('日本語', 'cp932'))}}\\par\\uc1\\u8364?uro, \\u-10179\\'3f\\u-8704\\'3f\\par` +
          '{\\*\\generator Writer;}{\\pict\\pngblip 89504e470d0a}{\\field{\\*\\fldinst HYPERLINK "x"}{\\fldrslt the link}}}',
        'latin1',
      ),
      expect: {
        status: 'indexed',
        type: 'rtf',
        contains: ['Договор поставки', '日本語', '€uro, 😀', 'the link'],
        lacks: ['HYPERLINK', '89504e', 'Writer'],
      },
    },
    {
      name: 'rtf/short.rtf',
      kind: 'short RTF is checked too',
      bytes: Buffer.from("{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 \\'01\\'02\\'03\\'04\\'05\\'06 ok}", 'latin1'),
      expect: { status: 'skipped', type: 'rtf', reason: 'garbage-text' },
    },
  ];
}

function sniffedSamples(): FormatSample[] {
  const mail = [
    'Return-Path: <ada@example.org>',
    'Received: from mail.example.org by mx.example.com',
    'From: Ada Gardener <ada@example.org>',
    'To: allotment@example.com',
    'Subject: =?UTF-8?B?' + Buffer.from('Compost schedule — spring').toString('base64') + '?=',
    'Date: Tue, 3 Mar 2026 09:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'The compost bins will be turned on Saturday. Caf=C3=A9 afterwards at the pavilion, bring a =',
    'flask.',
    '--b1',
    'Content-Type: application/octet-stream; name="plan.bin"',
    'Content-Transfer-Encoding: base64',
    '',
    ...(Buffer.alloc(600, 9)
      .toString('base64')
      .match(/.{1,76}/g) ?? []),
    '--b1--',
    '',
  ].join('\r\n');
  const html =
    '<html><head><title>Minutes</title></head><body><h1>Minutes</h1><p>The committee approved the new greenhouse.</p></body></html>';
  const chunked = (body: Buffer) =>
    Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
  return [
    {
      name: 'sniffed/message-without-extension',
      kind: 'extension-less RFC 822 mail',
      bytes: Buffer.from(mail),
      expect: {
        status: 'indexed',
        type: 'email',
        contains: ['Compost schedule — spring', 'Café afterwards at the pavilion, bring a flask.'],
        lacks: ['=C3=A9', 'CQkJ'],
      },
    },
    {
      name: 'sniffed/multipart-saved-as.txt',
      kind: 'multipart message named .txt',
      bytes: Buffer.from(mail),
      expect: { status: 'indexed', type: 'email', contains: ['The compost bins will be turned on Saturday.'] },
    },
    {
      name: 'sniffed/response.http',
      kind: 'raw HTTP response (chunked, gzip, charset)',
      bytes: Buffer.concat([
        Buffer.from(
          'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n',
        ),
        chunked(gzipSync(iconv.encode(html.replace('greenhouse', 'теплицу'), 'windows-1251'))),
      ]),
      expect: { status: 'indexed', type: 'http', contains: ['The committee approved the new теплицу.'] },
    },
    {
      name: 'sniffed/report.txt',
      kind: 'PDF named .txt',
      bytes: cjkPdf({ language: 'chinese', text: '年度报告', latin: 'Annual report' }),
      expect: { status: 'indexed', type: 'pdf', contains: ['年度报告'] },
    },
    {
      name: 'sniffed/letter.doc',
      kind: 'RTF named .doc',
      bytes: Buffer.from(`{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 ${LETTER}\\par}`, 'latin1'),
      expect: { status: 'indexed', type: 'rtf', contains: [LETTER] },
    },
    {
      name: 'sniffed/word2003.xml',
      kind: 'Word 2003 XML',
      bytes: Buffer.from(
        '<?xml version="1.0"?><?mso-application progid="Word.Document"?>' +
          '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml">' +
          `<w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Allotment rules</w:t></w:r></w:p>` +
          `<w:p><w:r><w:t>${LETTER}</w:t></w:r></w:p>` +
          `<w:pict><w:binData w:name="wordml://1.png">${Buffer.alloc(3000, 5).toString('base64')}</w:binData></w:pict>` +
          '</w:body></w:wordDocument>',
      ),
      expect: { status: 'indexed', type: 'word-xml', contains: ['# Allotment rules', LETTER], lacks: ['BQUF'] },
    },
    {
      name: 'sniffed/flat.xml',
      kind: 'Word 2007 flat XML',
      bytes: Buffer.from(
        '<?xml version="1.0"?><?mso-application progid="Word.Document"?>' +
          '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
          '<pkg:part pkg:name="/word/document.xml"><pkg:xmlData>' +
          `<w:document xmlns:w="${W2006}"><w:body><w:p><w:r><w:t xml:space="preserve">Flat &amp; simple: </w:t></w:r><w:r><w:t>${LETTER}</w:t></w:r></w:p></w:body></w:document>` +
          '</pkg:xmlData></pkg:part>' +
          `<pkg:part pkg:name="/word/media/image1.png"><pkg:binaryData>${Buffer.alloc(3000, 6).toString('base64')}</pkg:binaryData></pkg:part>` +
          '</pkg:package>',
      ),
      expect: { status: 'indexed', type: 'word-xml', contains: [`Flat & simple: ${LETTER}`], lacks: ['BgYG'] },
    },
    {
      name: 'sniffed/budget.xml',
      kind: 'SpreadsheetML 2003',
      bytes: Buffer.from(
        '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>' +
          '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
          '<Worksheet ss:Name="Seeds"><Table><Row><Cell><Data ss:Type="String">Item</Data></Cell><Cell><Data ss:Type="String">Cost</Data></Cell></Row>' +
          '<Row><Cell><Data ss:Type="String">Tomatoes &amp; beans</Data></Cell><Cell><Data ss:Type="Number">12.5</Data></Cell></Row></Table></Worksheet></Workbook>',
      ),
      expect: { status: 'indexed', type: 'spreadsheet-xml', contains: ['# Seeds', 'Tomatoes & beans | 12.5'] },
    },
  ];
}

function presentationPackage(type: string, text: string): Buffer {
  const p = 'http://schemas.openxmlformats.org/presentationml/2006/main';
  const a = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  const r = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return ooxmlPackage(
    {
      contentType: type,
      part: 'ppt/presentation.xml',
      content: `<?xml version="1.0"?><p:presentation xmlns:p="${p}" xmlns:r="${r}"><p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst></p:presentation>`,
    },
    [
      {
        name: 'ppt/_rels/presentation.xml.rels',
        content: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${r}/slide" Target="slides/slide1.xml"/></Relationships>`,
      },
      {
        name: 'ppt/slides/slide1.xml',
        content: `<?xml version="1.0"?><p:sld xmlns:p="${p}" xmlns:a="${a}"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>`,
      },
    ],
  );
}

function workbook(bookType: 'xlsm' | 'xlsx', text: string): Buffer {
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet([['Note'], [text]]), 'Plan');
  return write(book, { bookType, type: 'buffer' }) as Buffer;
}

function officeSamples(): FormatSample[] {
  const word = (ext: string, type: string): FormatSample => ({
    name: `office/letter.${ext}`,
    kind: `.${ext}`,
    bytes: docx(`<w:p><w:r><w:t>${LETTER} (${ext})</w:t></w:r></w:p>`, type),
    expect: { status: 'indexed', type: 'docx', contains: [`${LETTER} (${ext})`] },
  });
  const slides = (ext: string, type: string): FormatSample => ({
    name: `office/slides.${ext}`,
    kind: `.${ext}`,
    bytes: presentationPackage(type, `Harvest festival plan (${ext})`),
    expect: { status: 'indexed', type: 'pptx', contains: [`Harvest festival plan (${ext})`] },
  });
  return [
    word('docm', 'application/vnd.ms-word.document.macroEnabled.main+xml'),
    word('dotx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml'),
    word('dotm', 'application/vnd.ms-word.template.macroEnabledTemplate.main+xml'),
    slides('pptm', 'application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml'),
    slides('potx', 'application/vnd.openxmlformats-officedocument.presentationml.template.main+xml'),
    slides('ppsx', 'application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml'),
    {
      name: 'office/plan.xlsm',
      kind: '.xlsm',
      bytes: workbook('xlsm', 'Sow the leeks in March'),
      expect: { status: 'indexed', type: 'xlsx', contains: ['Sow the leeks in March'] },
    },
    {
      name: 'office/plan.xltx',
      kind: '.xltx',
      bytes: workbook('xlsx', 'Template for the seed order'),
      expect: { status: 'indexed', type: 'xlsx', contains: ['Template for the seed order'] },
    },
    {
      name: 'office/legacy-slides.ppt',
      kind: 'legacy .ppt',
      bytes: legacyPowerPoint(['Harvest festival', 'Bring a dish to share'], ['Stalls open at ten']),
      expect: {
        status: 'indexed',
        type: 'ppt',
        contains: ['Harvest festival', 'Bring a dish to share', 'Stalls open at ten'],
        lacks: ['Click to edit Master'],
      },
    },
    {
      name: 'office/protected.docx',
      kind: 'password-protected .docx',
      bytes: encryptedOoxml(),
      expect: { status: 'skipped', type: 'encrypted-office', reason: 'encrypted' },
    },
    {
      name: 'office/protected.xlsx',
      kind: 'password-protected .xlsx',
      bytes: encryptedOoxml(),
      expect: { status: 'skipped', type: 'encrypted-office', reason: 'encrypted' },
    },
    {
      name: 'office/damaged.doc',
      kind: 'Word 97 file word-extractor cannot read',
      bytes: bareWordDocument(`${LETTER}\rSecond paragraph of the minutes.\r`),
      expect: { status: 'indexed', type: 'doc', contains: [LETTER, 'Second paragraph of the minutes.'] },
    },
    {
      name: 'office/word6.doc',
      kind: 'Word 6 file',
      bytes: bareWordDocument(`${LETTER}\r\u0013 PAGE \u00141\u0015 Caf\u00e9 minutes.\r`, { word6: true }),
      expect: { status: 'indexed', type: 'doc', contains: [LETTER, '1 Café minutes.'], lacks: ['PAGE'] },
    },
    {
      name: 'office/russian-word6.doc',
      kind: 'Word 6 file in a Cyrillic code page',
      bytes: bareWordDocument(
        iconv.encode('Протокол собрания садоводов. Решено купить новую теплицу.\r', 'windows-1251'),
        {
          word6: true,
        },
      ),
      expect: { status: 'indexed', type: 'doc', contains: ['Протокол собрания садоводов.'], lacks: ['Ïðîòîêîë'] },
    },
    {
      name: 'office/locked.doc',
      kind: 'password-protected .doc',
      bytes: bareWordDocument('Scrambled bytes', { encrypted: true }),
      expect: { status: 'skipped', type: 'doc', reason: 'encrypted' },
    },
    {
      name: 'office/web-page.doc',
      kind: '.doc that is HTML (Word "Save as Web Page")',
      bytes: Buffer.from(
        `<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8"></head><body><h1>Rota</h1><p>${LETTER}</p></body></html>`,
      ),
      expect: { status: 'indexed', type: 'html', contains: [LETTER] },
    },
    {
      name: 'office/export.xls',
      kind: '.xls that is SpreadsheetML',
      bytes: Buffer.from(
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
          '<Worksheet ss:Name="Export"><Table><Row><Cell><Data ss:Type="String">Plot 7 rent paid</Data></Cell></Row></Table></Worksheet></Workbook>',
      ),
      expect: { status: 'indexed', type: 'spreadsheet-xml', contains: ['Plot 7 rent paid'] },
    },
    {
      name: 'office/plain-text.doc',
      kind: '.doc that is plain text',
      bytes: Buffer.from(`${LETTER}\nNothing but text, saved with a Word name.\n`),
      expect: { status: 'indexed', type: 'text', contains: ['Nothing but text, saved with a Word name.'] },
    },
  ];
}

function mailSamples(): FormatSample[] {
  const message = (subject: string, body: string, from = 'ada@example.org') =>
    [
      `From: ${from}`,
      'To: club@example.com',
      `Subject: ${subject}`,
      'Date: Wed, 4 Mar 2026 10:00:00 +0000',
      'Message-ID: <' + subject.length + '@example.org>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
      '',
    ].join('\n');
  return [
    {
      name: 'mail/club.mbox',
      kind: '.mbox',
      bytes: Buffer.from(
        [
          `From ada@example.org Wed Mar  4 10:00:00 2026\n${message('Seed swap', 'The seed swap is on Sunday.')}`,
          `From bo@example.org Wed Mar  4 11:00:00 2026\n${message('Re: Seed swap', 'I will bring beans.\n>From the shed, the old trays.', 'bo@example.org')}`,
          `From cy@example.org Wed Mar  4 12:00:00 2026\n${message('Tools', 'The shed key is under the pot.', 'cy@example.org')}`,
        ].join('\n'),
      ),
      expect: {
        status: 'indexed',
        type: 'mbox',
        contains: ['# Seed swap', 'The seed swap is on Sunday.', 'From the shed, the old trays.', '# Tools'],
      },
    },
    {
      name: 'mail/page.mhtml',
      kind: '.mhtml',
      bytes: Buffer.from(
        [
          'From: <Saved by Blink>',
          'Subject: Greenhouse guide',
          'MIME-Version: 1.0',
          'Content-Type: multipart/related; type="text/html"; boundary="x"',
          '',
          '--x',
          'Content-Type: text/html; charset=utf-8',
          'Content-Transfer-Encoding: quoted-printable',
          'Content-Location: https://example.org/guide',
          '',
          '<html><body><h1>Greenhouse guide</h1><p>Open the vents on sunny mornings so the seedlings do not =',
          'overheat.</p></body></html>',
          '--x',
          'Content-Type: image/png',
          'Content-Transfer-Encoding: base64',
          'Content-Location: https://example.org/logo.png',
          '',
          Buffer.alloc(300, 3).toString('base64'),
          '--x--',
          '',
        ].join('\r\n'),
      ),
      expect: {
        status: 'indexed',
        type: 'mhtml',
        contains: ['Greenhouse guide', 'Open the vents on sunny mornings so the seedlings do not overheat.'],
        lacks: ['AwMD'],
      },
    },
    {
      name: 'mail/exchange.msg',
      kind: '.msg with Exchange addresses',
      bytes: outlookMessageFile({
        subject: 'Budget review',
        body: 'Please review the greenhouse budget before the meeting.',
        senderEmail: '/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=ada',
        senderName: 'Ada Gardener',
      }),
      expect: {
        status: 'indexed',
        type: 'msg',
        contains: ['From: Ada Gardener', 'Please review the greenhouse budget'],
        lacks: ['ExchangeLabs'],
      },
    },
    {
      name: 'mail/big5.msg',
      kind: '.msg in a legacy code page (Big5)',
      bytes: outlookMessageFile({
        subject: '會議記錄',
        body: '明年的預算將在下次會議中討論。',
        codePage: 950,
      }),
      expect: { status: 'indexed', type: 'msg', contains: ['# 會議記錄', '明年的預算將在下次會議中討論。'] },
    },
  ];
}

function otherFormatSamples(): FormatSample[] {
  return [
    {
      name: 'media/talk.srt',
      kind: '.srt',
      bytes: Buffer.from(
        '1\r\n00:00:01,000 --> 00:00:03,500\r\n<i>Welcome to the allotment.</i>\r\n\r\n2\r\n00:00:04,000 --> 00:00:06,000\r\n{\\an8}Today we plant garlic.\r\n\r\n',
      ),
      expect: {
        status: 'indexed',
        type: 'subtitles',
        contains: ['Welcome to the allotment.\nToday we plant garlic.'],
        lacks: ['-->', '<i>', 'an8'],
      },
    },
    {
      name: 'media/talk.vtt',
      kind: '.vtt',
      bytes: Buffer.from(
        'WEBVTT\n\nNOTE recorded in the shed\n\n00:01.000 --> 00:03.000 align:start\n<v Ada>Water in the evening.\n\nintro\n00:03.000 --> 00:05.000\n<v Ada>Water in the evening.\nNot at noon.\n',
      ),
      expect: {
        status: 'indexed',
        type: 'subtitles',
        contains: ['Water in the evening.\nNot at noon.'],
        lacks: ['WEBVTT', 'recorded in the shed', 'align:'],
      },
    },
    {
      name: 'notebooks/analysis.ipynb',
      kind: '.ipynb',
      bytes: Buffer.from(
        JSON.stringify({
          cells: [
            { cell_type: 'markdown', source: ['# Yield analysis\n', 'Tomato yields by bed.'] },
            {
              cell_type: 'code',
              source: ['print(sum(yields))'],
              outputs: [
                { output_type: 'stream', text: ['42 kg\n'] },
                { output_type: 'display_data', data: { 'image/png': Buffer.alloc(2000, 4).toString('base64') } },
              ],
            },
          ],
          metadata: { kernelspec: { language: 'python' } },
          nbformat: 4,
        }),
      ),
      expect: {
        status: 'indexed',
        type: 'notebook',
        contains: ['# Yield analysis', '```python\nprint(sum(yields))\n```', '42 kg'],
        lacks: ['BAQE'],
      },
    },
    {
      name: 'drawings/plot-plan.vsdx',
      kind: 'Visio .vsdx',
      bytes: ooxmlPackage(
        {
          contentType: 'application/vnd.ms-visio.drawing.main+xml',
          part: 'visio/document.xml',
          content: '<?xml version="1.0"?><VisioDocument/>',
        },
        [
          {
            name: 'visio/pages/page1.xml',
            content:
              '<?xml version="1.0"?><PageContents><Shapes><Shape><Text>Shed <cp IX="0"/>&amp; water butt</Text></Shape><Shape><Text>Plot 7</Text></Shape></Shapes></PageContents>',
          },
        ],
      ),
      expect: { status: 'indexed', type: 'visio', contains: ['Shed & water butt\nPlot 7'] },
    },
    {
      name: 'drawings/old.vsd',
      kind: 'Visio 2003 (not read, with what to do)',
      bytes: Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(100, 0)]),
      expect: { status: 'skipped', reason: 'unsupported-type', detail: /save the drawing as \.vsdx or PDF/ },
    },
    {
      name: 'media/talk.mp3',
      kind: 'audio (not read)',
      bytes: Buffer.concat([Buffer.from('ID3\u0004\u0000\u0000'), Buffer.alloc(100, 0)]),
      expect: { status: 'skipped', type: 'unsupported', reason: 'unsupported-type', detail: /Audio and video/ },
    },
    {
      name: 'print/minutes.xps',
      kind: '.xps',
      bytes: xps([['Minutes of the March meeting', 'Present: Ada, Bo, Cy'], ['Page two: the new rota']]),
      expect: {
        status: 'indexed',
        type: 'xps',
        contains: ['Minutes of the March meeting', 'Present: Ada, Bo, Cy', 'Page two: the new rota'],
      },
    },
    {
      name: 'apple/plan.pages',
      kind: 'iWork with a PDF preview',
      bytes: storedZip([
        { name: 'Index/Document.iwa', content: Buffer.from([0, 1, 2, 3]) },
        {
          name: 'QuickLook/Preview.pdf',
          content: cjkPdf({ language: 'japanese', text: '計画', latin: 'Planting plan' }),
        },
      ]),
      expect: { status: 'indexed', type: 'iwork', contains: ['Planting plan'] },
    },
    {
      name: 'apple/budget.numbers',
      kind: 'iWork without a preview',
      bytes: storedZip([{ name: 'Index/Document.iwa', content: Buffer.from([0, 1, 2, 3]) }]),
      expect: { status: 'skipped', type: 'iwork', reason: 'unsupported-type', detail: /export it as PDF or Word/ },
    },
    {
      name: 'apple/talk.key',
      kind: 'Keynote named .key (no preview)',
      bytes: storedZip([{ name: 'Index/Document.iwa', content: Buffer.from([9, 9]) }]),
      expect: { status: 'skipped', type: 'iwork', reason: 'unsupported-type' },
    },
    {
      name: 'notes/notebook.one',
      kind: 'OneNote',
      bytes: Buffer.concat([Buffer.from('e4525c7b8cd8a74daeb15378d02996d3', 'hex'), Buffer.alloc(200, 1)]),
      expect: { status: 'skipped', type: 'onenote', reason: 'unsupported-type', detail: /export the pages/ },
    },
    {
      name: 'archives/photos.zip',
      kind: 'a zip archive',
      bytes: storedZip([{ name: 'a.txt', content: 'inside' }]),
      expect: { status: 'skipped', type: 'archive', reason: 'unsupported-type', detail: /Extract it/ },
    },
    {
      name: 'xml/feed.rss',
      kind: 'an RSS feed (XML read without tags, escaped HTML too)',
      bytes: Buffer.from(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Allotment news</title><item><title>Frost warning</title>' +
          '<description>&lt;p&gt;Cover the &lt;b&gt;seedlings&lt;/b&gt; tonight.&lt;/p&gt;</description></item>' +
          '<item><title>Compost</title><description><![CDATA[<p>Turn the heap <i>weekly</i>.</p>]]></description></item></channel></rss>',
      ),
      expect: {
        status: 'indexed',
        type: 'xml',
        contains: ['Allotment news', 'Frost warning', 'Cover the', 'seedlings', 'Turn the heap', 'weekly'],
        lacks: ['<p>', '&lt;', 'CDATA', '<b>'],
      },
    },
    {
      name: 'xml/laughs.xml',
      kind: 'XML entity expansion (billion laughs)',
      bytes: Buffer.from(
        `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><lolz>&lol9; and the plot list</lolz>`,
      ),
      expect: { status: 'indexed', type: 'xml', contains: ['and the plot list'], lacks: ['lollol'] },
    },
    {
      name: 'xml/notes.txt',
      kind: 'XML named .txt',
      bytes: Buffer.from(
        '<?xml version="1.0"?><notes><note>Order more canes.</note><note>Fix the gate.</note></notes>',
      ),
      expect: { status: 'indexed', type: 'xml', contains: ['Order more canes.\nFix the gate.'] },
    },
    {
      name: 'secrets/server.key',
      kind: 'a private key named .key',
      bytes: Buffer.from(
        `-----BEGIN PRIVATE KEY-----\n${(
          Buffer.alloc(600, 11)
            .toString('base64')
            .match(/.{1,64}/g) ?? []
        ).join('\n')}\n-----END PRIVATE KEY-----\n`,
      ),
      expect: { status: 'skipped', type: 'secret', reason: 'unsupported-type', detail: /never indexes secrets/ },
    },
    {
      name: 'secrets/id_rsa.txt',
      kind: 'an SSH key named .txt',
      bytes: Buffer.from(
        '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\n-----END OPENSSH PRIVATE KEY-----\n',
      ),
      expect: { status: 'skipped', type: 'secret', reason: 'unsupported-type' },
    },
    {
      name: 'unknown/notes.nfo2',
      kind: 'text under an unknown extension',
      bytes: Buffer.from('Release notes: the irrigation timer now waits for rain.\n'),
      expect: { status: 'indexed', type: 'text', contains: ['the irrigation timer now waits for rain'] },
    },
    {
      name: 'unknown/data.bin',
      kind: 'binary under an unknown extension',
      bytes: Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0xff, 0x10, 0x20, 0x30, 0x40, 0x00]),
      expect: { status: 'skipped', type: 'unsupported', reason: 'unsupported-type' },
    },
  ];
}

function reasonSamples(): FormatSample[] {
  return ['/', '[]', '==', '-->'].map((text, i) => ({
    name: `fragments/fragment-${i}.txt`,
    kind: 'a fragment of symbols',
    bytes: Buffer.from(`${text}\n`),
    expect: { status: 'skipped', type: 'text', reason: 'no-text' },
  }));
}

/** An OOXML file after Office encrypted it: an OLE container with the encryption streams. */
function encryptedOoxml(): Buffer {
  const file = CFB.utils.cfb_new();
  CFB.utils.cfb_add(file, '/EncryptionInfo', Buffer.from('0400040040000000', 'hex'));
  CFB.utils.cfb_add(file, '/EncryptedPackage', Buffer.alloc(4096, 0xa5));
  return Buffer.from(CFB.write(file, { type: 'buffer' }) as Uint8Array);
}

/**
 * A Word 97 file word-extractor cannot read (no table stream), whose File Information Block still
 * says where its text is: as damaged files found on old disks are.
 */
function bareWordDocument(text: string | Buffer, options: { word6?: boolean; encrypted?: boolean } = {}): Buffer {
  const fib = Buffer.alloc(0x200);
  fib.writeUInt16LE(options.word6 ? 0xa5dc : 0xa5ec, 0);
  if (options.encrypted) fib.writeUInt16LE(0x0100, 0x0a);
  const body = Buffer.isBuffer(text) ? text : Buffer.from(text, 'latin1');
  fib.writeUInt32LE(fib.length, 0x18);
  fib.writeUInt32LE(fib.length + body.length, 0x1c);
  const file = CFB.utils.cfb_new();
  CFB.utils.cfb_add(file, '/WordDocument', Buffer.concat([fib, body, Buffer.alloc(64)]));
  return Buffer.from(CFB.write(file, { type: 'buffer' }) as Uint8Array);
}

/** One PowerPoint record: header (version and instance, type, length) and its body. */
function record(type: number, body: Buffer, options: { container?: boolean; instance?: number } = {}): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt16LE(((options.instance ?? 0) << 4) | (options.container ? 0xf : 0), 0);
  header.writeUInt16LE(type, 2);
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body]);
}

/**
 * A legacy PowerPoint file's `PowerPoint Document` stream as PowerPoint lays out text: the slide
 * list's text atoms (one slide each), a note's text, and a master slide whose placeholder text a
 * reader must leave out.
 */
function legacyPowerPoint(slides: string[], notes: string[]): Buffer {
  const persist = record(0x03f3, Buffer.alloc(20));
  const chars = (text: string) => record(0x0fa0, Buffer.from(text, 'utf16le'));
  const bytes = (text: string) => record(0x0fa8, Buffer.from(text, 'latin1'));
  const slideList = record(
    0x0ff0,
    Buffer.concat(slides.flatMap((text, i) => [persist, i % 2 ? bytes(text) : chars(text)])),
    { container: true },
  );
  const notesList = record(0x0ff0, Buffer.concat(notes.flatMap((text) => [persist, chars(text)])), {
    container: true,
    instance: 2,
  });
  const master = record(0x03f8, chars('Click to edit Master title style'), { container: true });
  const document = record(0x03e8, Buffer.concat([slideList, notesList]), { container: true });
  const file = CFB.utils.cfb_new();
  CFB.utils.cfb_add(file, '/PowerPoint Document', Buffer.concat([document, master]));
  CFB.utils.cfb_add(file, '/Current User', Buffer.alloc(32));
  return Buffer.from(CFB.write(file, { type: 'buffer' }) as Uint8Array);
}

/**
 * An Outlook message: Unicode property streams, or 8-bit ones in a legacy code page named by
 * `PidTagInternetCodepage` (as older Outlook versions saved them), and the sender's address.
 */
function outlookMessageFile(message: {
  subject: string;
  body: string;
  senderName?: string;
  senderEmail?: string;
  codePage?: number;
}): Buffer {
  const file = CFB.utils.cfb_new();
  const encoding = message.codePage ? `cp${message.codePage}` : null;
  const property = (tag: string, text: string) =>
    encoding
      ? CFB.utils.cfb_add(
          file,
          `/__substg1.0_${tag}001E`,
          Buffer.concat([iconv.encode(text, encoding), Buffer.alloc(1)]),
        )
      : CFB.utils.cfb_add(file, `/__substg1.0_${tag}001F`, Buffer.from(text, 'utf16le'));
  property('0037', message.subject);
  property('1000', message.body);
  if (message.senderName) property('0C1A', message.senderName);
  if (message.senderEmail) {
    property('0C1F', message.senderEmail);
    property('0C1E', 'EX');
  }
  // The property stream: a 32-byte header, then 16 bytes a property (tag, flags, value).
  const properties = Buffer.alloc(32 + 16);
  if (message.codePage) {
    properties.writeUInt32LE(0x3fde0003, 32);
    properties.writeUInt32LE(6, 36);
    properties.writeUInt32LE(message.codePage, 40);
  }
  CFB.utils.cfb_add(file, '/__properties_version1.0', properties);
  return Buffer.from(CFB.write(file, { type: 'buffer' }) as Uint8Array);
}

/** An XPS document: one fixed page per entry of `pages`, a `Glyphs` run per line. */
function xps(pages: string[][]): Buffer {
  const fpage = (lines: string[]) =>
    `<FixedPage xmlns="http://schemas.microsoft.com/xps/2005/06" Width="816" Height="1056">${lines
      .map(
        (line, i) =>
          `<Glyphs OriginX="96" OriginY="${96 + i * 24}" FontRenderingEmSize="16" FontUri="/Resources/f.ttf" UnicodeString="${line.replaceAll('&', '&amp;')}" Fill="#000"/>`,
      )
      .join('')}</FixedPage>`;
  return storedZip([
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="fdseq" ContentType="application/vnd.ms-package.xps-fixeddocumentsequence+xml"/>' +
        '<Default Extension="fdoc" ContentType="application/vnd.ms-package.xps-fixeddocument+xml"/>' +
        '<Default Extension="fpage" ContentType="application/vnd.ms-package.xps-fixedpage+xml"/></Types>',
    },
    {
      name: 'FixedDocSeq.fdseq',
      content: '<FixedDocumentSequence><DocumentReference Source="Documents/1/FixedDoc.fdoc"/></FixedDocumentSequence>',
    },
    {
      name: 'Documents/1/FixedDoc.fdoc',
      // Listed in reading order, which is not the order of the names.
      content: `<FixedDocument>${pages.map((_, i) => `<PageContent Source="Pages/${i + 1}.fpage"/>`).join('')}</FixedDocument>`,
    },
    ...pages.map((lines, i) => ({ name: `Documents/1/Pages/${i + 1}.fpage`, content: fpage(lines), deflate: true })),
  ]);
}
