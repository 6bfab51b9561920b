import { posix } from 'node:path';
import { decodeXmlEntities } from './office-xml';
import { UnreadableDocument, type Parsed } from './types';
import { checkZipLimits } from './zip-limits';
import { byNaturalName, findZipEntry, listZipEntries, readZipEntry, type ZipEntryInfo } from './zip-entries';

/**
 * XPS and OpenXPS (`.xps`, `.oxps`): each fixed page is a section with its page number, its text
 * the `UnicodeString` of its `Glyphs` runs, a line per baseline. Pages come in the order the
 * fixed documents list them (else by name, numerically).
 */
export function parseXps(bytes: Buffer): Parsed {
  checkZipLimits(bytes);
  const entries = listZipEntries(bytes);
  const pages = pageOrder(bytes, entries);
  if (!pages.length) throw new UnreadableDocument('parse-failed', 'The XPS file holds no pages.');
  const sections = pages.map((entry, index) => ({
    text: pageText(readZipEntry(bytes, entry)?.toString('utf8') ?? ''),
    page: index + 1,
  }));
  return { sections: sections.filter((section) => section.text), markdown: false };
}

function pageOrder(bytes: Buffer, entries: readonly ZipEntryInfo[]): ZipEntryInfo[] {
  const ordered: ZipEntryInfo[] = [];
  const documents = byNaturalName(entries.filter((entry) => /\.fdoc$/i.test(entry.name)));
  for (const document of documents) {
    const xml = readZipEntry(bytes, document, 16 * 1024 * 1024)?.toString('utf8') ?? '';
    for (const [, source] of xml.matchAll(/<PageContent\b[^>]*\bSource="([^"]+)"/g)) {
      const target = source!.startsWith('/')
        ? source!.slice(1)
        : posix.join(posix.dirname(document.name), decodeURIComponent(source!));
      const entry = findZipEntry(entries, target);
      if (entry && !ordered.includes(entry)) ordered.push(entry);
    }
  }
  if (ordered.length) return ordered;
  return byNaturalName(entries.filter((entry) => /\.fpage$/i.test(entry.name)));
}

function pageText(xml: string): string {
  const lines: string[] = [];
  let lastY: string | null = null;
  for (const [glyphs] of xml.matchAll(/<Glyphs\b[^>]*>/g)) {
    const text = /\bUnicodeString="([^"]*)"/.exec(glyphs)?.[1];
    if (!text) continue;
    // "{}" escapes a string that begins with "{".
    const said = decodeXmlEntities(text.replace(/^\{\}/, ''));
    const y = /\bOriginY="([^"]*)"/.exec(glyphs)?.[1] ?? null;
    if (lines.length && y === lastY) lines[lines.length - 1] += ` ${said}`;
    else lines.push(said);
    lastY = y;
  }
  return lines.join('\n').trim();
}
