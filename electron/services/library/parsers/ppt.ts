import { CFB } from '@e965/xlsx';
import { UnreadableDocument, type Parsed } from './types';

const SLIDE_LIST_WITH_TEXT = 0x0ff0;
const SLIDE_PERSIST_ATOM = 0x03f3;
const SLIDE = 0x03ee;
const NOTES = 0x03f0;
const MAIN_MASTER = 0x03f8;
const TEXT_CHARS_ATOM = 0x0fa0;
const TEXT_BYTES_ATOM = 0x0fa8;

/** Containers nest a few levels; a file that nests deeper is crafted, and is not walked further. */
const MAX_DEPTH = 32;

interface Record_ {
  type: number;
  instance: number;
  start: number;
  end: number;
  container: boolean;
}

/**
 * Legacy PowerPoint (`.ppt`, 97–2003): the text of each slide, read from the `PowerPoint
 * Document` stream's records. A slide's placeholders (titles, bullets) are in the slide list's
 * text atoms; its other text boxes are in its drawing; speaker notes follow as "Notes:". Master
 * slides ("Click to edit Master title style") are left out. One section per slide, numbered.
 */
export function parsePpt(bytes: Buffer): Parsed {
  let stream: Buffer;
  try {
    const file = CFB.read(bytes, { type: 'buffer' });
    const entry = CFB.find(file, 'PowerPoint Document');
    if (!entry?.content) throw new Error('no "PowerPoint Document" stream');
    stream = Buffer.from(entry.content as Uint8Array);
  } catch (error) {
    throw new UnreadableDocument(
      'parse-failed',
      `The PowerPoint 97–2003 file could not be read: ${(error as Error).message}`,
    );
  }
  const slides: string[][] = [];
  const drawings: string[][] = [];
  const notes: string[][] = [];
  const walk = (start: number, end: number, depth: number, into: ((text: string) => void) | null) => {
    if (depth > MAX_DEPTH) return;
    for (let record = readRecord(stream, start, end); record; record = readRecord(stream, record.end, end)) {
      if (record.type === MAIN_MASTER) continue;
      if (record.type === SLIDE_LIST_WITH_TEXT && record.container) {
        // Instance 0 lists the slides, 2 the notes pages; 1 (masters) is left out.
        if (record.instance !== 1) (record.instance === 2 ? notes : slides).push(...textsBySlide(stream, record));
        continue;
      }
      if (record.type === SLIDE && record.container) {
        const texts: string[] = [];
        drawings.push(texts);
        walk(record.start, record.end, depth + 1, (text) => texts.push(text));
        continue;
      }
      if (record.type === NOTES && record.container) continue;
      if (record.container) walk(record.start, record.end, depth + 1, into);
      else if (into) {
        const text = atomText(stream, record);
        if (text) into(text);
      }
    }
  };
  walk(0, stream.length, 0, null);
  const count = Math.max(slides.length, drawings.length);
  const sections = [];
  for (let i = 0; i < count; i++) {
    const own = slides[i] ?? [];
    const extra = (drawings[i] ?? []).filter((text) => !own.includes(text));
    const spoken = notes[i]?.length ? [`Notes: ${notes[i]!.join('\n')}`] : [];
    const text = [...own, ...extra, ...spoken].join('\n').trim();
    if (text) sections.push({ text, page: i + 1 });
  }
  return { sections, markdown: false };
}

/** A slide list's texts, one group per slide: each SlidePersistAtom starts the next slide. */
function textsBySlide(stream: Buffer, list: Record_): string[][] {
  const groups: string[][] = [];
  for (
    let record = readRecord(stream, list.start, list.end);
    record;
    record = readRecord(stream, record.end, list.end)
  ) {
    if (record.type === SLIDE_PERSIST_ATOM) groups.push([]);
    const text = atomText(stream, record);
    if (text) {
      if (!groups.length) groups.push([]);
      groups.at(-1)!.push(text);
    }
  }
  return groups;
}

/** The text of a text atom (UTF-16, or one byte a character), or null for any other record. */
function atomText(stream: Buffer, record: Record_): string | null {
  if (record.type !== TEXT_CHARS_ATOM && record.type !== TEXT_BYTES_ATOM) return null;
  const raw = stream.subarray(record.start, record.end);
  // PowerPoint ends paragraphs with CR and breaks lines with VT.
  return (record.type === TEXT_CHARS_ATOM ? raw.toString('utf16le') : raw.toString('latin1'))
    .replace(/\r|\v/g, '\n')
    .trim();
}

function readRecord(stream: Buffer, at: number, end: number): Record_ | null {
  if (at + 8 > end) return null;
  const head = stream.readUInt16LE(at);
  const length = stream.readUInt32LE(at + 4);
  const start = at + 8;
  if (start + length > end) return null;
  return {
    type: stream.readUInt16LE(at + 2),
    instance: head >> 4,
    start,
    end: start + length,
    container: (head & 0xf) === 0xf,
  };
}
