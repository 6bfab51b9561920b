import { decodeXmlEntities } from './office-xml';
import { UnreadableDocument, type Parsed } from './types';
import { byNaturalName, listZipEntries, readZipEntry } from './zip-entries';
import { checkZipLimits } from './zip-limits';

/**
 * Visio drawings (`.vsdx`, `.vsdm`): the text of each page's shapes (`<Text>` elements of
 * `visio/pages/pageN.xml`), a line a shape, each page a section numbered in page order.
 */
export function parseVisio(bytes: Buffer): Parsed {
  checkZipLimits(bytes);
  const pages = byNaturalName(
    listZipEntries(bytes).filter((entry) => /^visio\/pages\/page\d+\.xml$/i.test(entry.name)),
  );
  if (!pages.length) throw new UnreadableDocument('parse-failed', 'The Visio file holds no pages.');
  const sections = pages.map((entry, index) => {
    const xml = readZipEntry(bytes, entry)?.toString('utf8') ?? '';
    const shapes = [...xml.matchAll(/<Text\b[^>]*>([\s\S]*?)<\/Text>/g)].map(([, inner]) =>
      decodeXmlEntities(inner!.replace(/<[^>]+>/g, ''))
        .replace(/\s+/g, ' ')
        .trim(),
    );
    return { text: shapes.filter(Boolean).join('\n'), page: index + 1 };
  });
  return { sections: sections.filter((section) => section.text), markdown: false };
}
