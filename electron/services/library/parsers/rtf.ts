import iconv from 'iconv-lite';
import { windowsCodePage } from '../text/code-pages';
import { UnreadableDocument, type Parsed } from './types';

/**
 * Destinations whose content is not the document's text: tables of fonts, colours, styles and
 * lists, pictures and embedded objects' data, field instructions, revision and theme data. Any
 * other `{\*\name …}` group is skipped too, as the RTF specification asks of unknown ones. Headers,
 * footers, footnotes and field results are text, and are read.
 */
const SKIPPED = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'listtable',
  'listoverridetable',
  'revtbl',
  'rsidtbl',
  'info',
  'pict',
  'objdata',
  'objclass',
  'fldinst',
  'filetbl',
  'pgdsctbl',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'xmlnstbl',
  'generator',
  'mmathPr',
  'pntxta',
  'pntxtb',
  'private',
  'userprops',
  'xe',
  'tc',
  'bkmkstart',
  'bkmkend',
]);

/** Control words that stand for a character or a break. */
const CHARACTERS: Record<string, string> = {
  par: '\n',
  line: '\n',
  sect: '\n\n',
  page: '\n\n',
  row: '\n',
  tab: '\t',
  cell: ' | ',
  nestcell: ' | ',
  emdash: '\u2014',
  endash: '\u2013',
  emspace: '\u2003',
  enspace: '\u2002',
  qmspace: '\u2005',
  bullet: '\u2022',
  lquote: '\u2018',
  rquote: '\u2019',
  ldblquote: '\u201c',
  rdblquote: '\u201d',
  zwj: '\u200d',
  zwnj: '\u200c',
};

/** `\fcharset` numbers to Windows code pages. */
const FONT_CHARSETS: Record<number, number> = {
  77: 10000,
  128: 932,
  129: 949,
  130: 1361,
  134: 936,
  136: 950,
  161: 1253,
  162: 1254,
  163: 1258,
  177: 1255,
  178: 1256,
  186: 1257,
  204: 1251,
  222: 874,
  238: 1250,
  254: 437,
};

/** Deeper nesting than this is no document: a crafted file, refused before it costs anything. */
const MAX_DEPTH = 2000;

interface GroupState {
  skip: boolean;
  /** Characters to drop after a `\u` (its fallback for readers without Unicode). */
  uc: number;
  /** The code page of `\'hh` bytes here: the current font's charset, else the document's. */
  codePage: number;
}

/**
 * Rich Text Format read by walking its groups: destinations that hold no text are skipped
 * (unknown `\*` ones included), headers, footers and footnotes are kept, `\'hh` bytes are decoded
 * in the code page of their font (`\fcharset`) or the document's (`\ansicpg`), double-byte pairs
 * together, `\uN` characters replace their `\uc` fallbacks, and `\bin` data is stepped over.
 */
export function parseRtf(bytes: Buffer): Parsed {
  const source = bytes.toString('latin1');
  if (!source.startsWith('{\\rtf'))
    throw new UnreadableDocument('parse-failed', 'The file does not begin as RTF does.');
  return { sections: [{ text: tidy(readRtf(source)), page: null }], markdown: false };
}

function readRtf(source: string): string {
  const fontPages = new Map<number, number>();
  let documentPage = 1252;
  let state: GroupState = { skip: false, uc: 1, codePage: documentPage };
  const stack: GroupState[] = [];
  const out: string[] = [];
  let bytes: number[] = [];
  let units: number[] = [];
  /** Fallback characters still to drop after a `\u`. */
  let dropping = 0;
  /** A `{\*` was just read: the next control word names an ignorable destination. */
  let ignorable = false;
  /** The first control word of a group decides whether it is a destination. */
  let groupStart = false;

  const flushBytes = () => {
    if (!bytes.length) return;
    if (!state.skip) out.push(iconv.decode(Buffer.from(bytes), windowsCodePage(state.codePage) ?? 'windows-1252'));
    bytes = [];
  };
  const flushUnits = () => {
    if (!units.length) return;
    if (!state.skip) out.push(String.fromCharCode(...units));
    units = [];
  };
  const flush = () => {
    flushBytes();
    flushUnits();
  };
  const emit = (text: string) => {
    flush();
    if (!state.skip) out.push(text);
  };

  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '{') {
      flush();
      if (stack.length >= MAX_DEPTH) throw new UnreadableDocument('parse-failed', 'The RTF nests groups too deeply.');
      stack.push(state);
      state = { ...state };
      groupStart = true;
      dropping = 0;
      i++;
      continue;
    }
    if (char === '}') {
      flush();
      state = stack.pop() ?? state;
      groupStart = false;
      dropping = 0;
      i++;
      continue;
    }
    if (char === '\r' || char === '\n') {
      i++;
      continue;
    }
    if (char !== '\\') {
      if (dropping > 0) dropping--;
      else emit(char);
      groupStart = false;
      i++;
      continue;
    }
    const next = source[i + 1];
    if (next === undefined) break;
    if (next === "'") {
      const byte = Number.parseInt(source.slice(i + 2, i + 4), 16);
      i += 4;
      if (dropping > 0) {
        dropping--;
        continue;
      }
      flushUnits();
      if (!Number.isNaN(byte)) bytes.push(byte);
      groupStart = false;
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) {
      // A control symbol.
      i += 2;
      if (next === '*') {
        ignorable = true;
        continue;
      }
      if (dropping > 0) {
        dropping--;
        continue;
      }
      if (next === '{' || next === '}' || next === '\\') emit(next);
      else if (next === '~') emit('\u00a0');
      else if (next === '_') emit('-');
      else if (next === '\n' || next === '\r') emit('\n');
      groupStart = false;
      continue;
    }
    const match = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(source.slice(i + 1, i + 48))!;
    i += 1 + match[0].length;
    const word = match[1]!;
    const parameter = match[2] === undefined ? null : Number(match[2]);
    const destination = groupStart || ignorable;
    const wasIgnorable = ignorable;
    groupStart = false;
    ignorable = false;

    if (word === 'bin') {
      flush();
      i += Math.max(0, parameter ?? 0);
      continue;
    }
    if (word === 'u' && parameter !== null) {
      flushBytes();
      units.push(parameter < 0 ? parameter + 65536 : parameter);
      dropping = state.uc;
      continue;
    }
    if (dropping > 0) {
      // A control word counts as one fallback character.
      dropping--;
      continue;
    }
    if (destination && (SKIPPED.has(word) || wasIgnorable)) {
      flush();
      state.skip = true;
      // The font table is never shown, but says each font's code page.
      if (word === 'fonttbl') readFontTable(source.slice(i, groupEnd(source, i)), fontPages);
      continue;
    }
    switch (word) {
      case 'ansicpg':
        if (parameter !== null) documentPage = state.codePage = parameter;
        break;
      case 'mac':
        documentPage = state.codePage = 10000;
        break;
      case 'pc':
        documentPage = state.codePage = 437;
        break;
      case 'pca':
        documentPage = state.codePage = 850;
        break;
      case 'uc':
        state.uc = Math.max(0, Math.min(parameter ?? 1, 8));
        break;
      case 'f':
        flush();
        if (parameter !== null) state.codePage = fontPages.get(parameter) ?? documentPage;
        break;
      case 'plain':
        flush();
        state.codePage = documentPage;
        break;
      default: {
        const text = CHARACTERS[word];
        if (text !== undefined) emit(text);
      }
    }
  }
  flush();
  return out.join('');
}

/** The index just past the `}` closing the group that `start` is inside. */
function groupEnd(source: string, start: number): number {
  let depth = 1;
  for (let i = start; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i;
  }
  return source.length;
}

/** Each font's code page, from its `\fcharset`. */
function readFontTable(table: string, pages: Map<number, number>): void {
  for (const font of table.matchAll(/\\f(\d+)[^{}]*?\\fcharset(\d+)/g)) {
    const page = FONT_CHARSETS[Number(font[2])];
    if (page) pages.set(Number(font[1]), page);
  }
}

/** Lines trimmed of trailing blanks, runs of blank lines made one. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
