import { UnreadableDocument, type Parsed } from './types';

/** XML's five named entities and numeric references. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return safeCodePoint(Number.parseInt(lower.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[lower]!;
  });
}

function safeCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
}

/** The prefix a document binds to one of `namespaces` (`w` in most files), or null. */
function prefixOf(xml: string, namespaces: readonly string[]): string | null {
  for (const namespace of namespaces) {
    const bound = new RegExp(`xmlns:([\\w.-]+)="${namespace.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`).exec(xml);
    if (bound) return bound[1]!;
  }
  return null;
}

const WORD_NAMESPACES = [
  'http://schemas.microsoft.com/office/word/2003/wordml',
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
];

/**
 * Word saved as XML: Word 2003 XML (WordprocessingML, `<w:wordDocument>`) and Word 2007+ flat XML
 * (`<pkg:package>`), as Markdown. Each paragraph's text runs (`w:t`, tabs, breaks) make a line;
 * heading styles make `#` headings. Embedded pictures and fonts (`w:binData`, `pkg:binaryData`,
 * base64) and field codes are never text.
 */
export function parseWordXml(xml: string): Parsed {
  const w = prefixOf(xml, WORD_NAMESPACES);
  if (!w) throw new UnreadableDocument('parse-failed', 'The XML file is not a Word document (no WordprocessingML).');
  const body = xml
    .replace(/<(pkg:binaryData|[\w-]+:binData)[\s\S]*?<\/\1>/g, '')
    .replace(new RegExp(`<${w}:instrText[\\s\\S]*?</${w}:instrText>`, 'g'), '');
  const paragraphs: string[] = [];
  const paragraph = new RegExp(`<${w}:p[\\s>][\\s\\S]*?</${w}:p>|<${w}:p/>`, 'g');
  for (const [p] of body.matchAll(paragraph)) {
    const text = decodeXmlEntities(
      [...p.matchAll(new RegExp(`<${w}:t(?:\\s[^>]*)?>([\\s\\S]*?)</${w}:t>|<${w}:(tab|br|cr)(?:\\s[^>]*)?/>`, 'g'))]
        .map((run) => (run[2] === 'tab' ? '\t' : run[2] ? '\n' : run[1]!))
        .join(''),
    ).trim();
    if (!text) continue;
    const style = new RegExp(`<${w}:pStyle\\s+${w}:val="([^"]*)"`).exec(p)?.[1] ?? '';
    const level = /^(heading|berschrift|titre)\s*(\d)$/i.exec(
      style
        .replace(/[^a-z\d]/gi, ' ')
        .trim()
        .replace(/\s+/g, ' '),
    );
    const heading = level ? Number(level[2]) : /^title$/i.test(style) ? 1 : 0;
    paragraphs.push(heading ? `${'#'.repeat(Math.min(heading, 6))} ${text.replace(/\n/g, ' ')}` : text);
  }
  return { sections: [{ text: paragraphs.join('\n\n'), page: null }], markdown: true };
}

/**
 * Excel 2003 XML (SpreadsheetML, `<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`):
 * each worksheet a section headed by its name, one line per row, cells separated by " | ", as the
 * binary workbooks are read.
 */
export function parseSpreadsheetXml(xml: string): Parsed {
  const sections = [];
  for (const sheet of xml.matchAll(/<(?:\w+:)?Worksheet\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?Worksheet>/g)) {
    const name = decodeXmlEntities(/(?:\w+:)?Name="([^"]*)"/.exec(sheet[1]!)?.[1] ?? 'Sheet');
    const rows: string[] = [];
    for (const row of sheet[2]!.matchAll(/<(?:\w+:)?Row\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?Row>)/g)) {
      const cells = [...(row[1] ?? '').matchAll(/<(?:\w+:)?Data\b[^>]*>([\s\S]*?)<\/(?:\w+:)?Data>/g)].map((cell) =>
        decodeXmlEntities(cell[1]!.replace(/<[^>]+>/g, '')).trim(),
      );
      if (cells.some(Boolean)) rows.push(cells.join(' | '));
    }
    if (rows.length) sections.push({ text: `# ${name}\n\n${rows.join('\n')}`, page: null });
  }
  if (!sections.length && !/urn:schemas-microsoft-com:office:spreadsheet/.test(xml)) {
    throw new UnreadableDocument('parse-failed', 'The XML file is not an Excel 2003 workbook.');
  }
  return { sections, markdown: true };
}
