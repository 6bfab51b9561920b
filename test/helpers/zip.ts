import { crc32, deflateRawSync } from 'node:zlib';

/** One file for {@link storedZip}. */
export interface ZipEntry {
  name: string;
  content: Buffer | string;
  /** Unix permission bits, e.g. 0o755 for an executable. Defaults to 0o644. */
  mode?: number;
  /** Compress with deflate (method 8) instead of storing. */
  deflate?: boolean;
}

/**
 * A minimal zip archive, entries stored or deflated, enough for unzip tools to extract, with Unix
 * permissions. Tests use it to stand in for downloads that are zips (an Electron release) and for
 * Office documents (a DOCX is a zip).
 */
export function storedZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const raw = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content);
    const crc = crc32(raw);
    const data = entry.deflate ? deflateRawSync(raw, { level: 9 }) : raw;
    const method = entry.deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the external attributes hold a mode
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((0o100000 | (entry.mode ?? 0o644)) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A minimal OOXML package: content types (naming the main part's type), the relationship to the
 * main part, the part, and `extra` parts. Word, Excel and PowerPoint files are all this shape.
 */
export function ooxmlPackage(
  main: { contentType: string; part: string; content: Buffer | string },
  extra: Array<{ name: string; content: string }> = [],
): Buffer {
  return storedZip([
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/${main.part}" ContentType="${main.contentType}"/></Types>`,
      deflate: true,
    },
    {
      name: '_rels/.rels',
      content:
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main.part}"/></Relationships>`,
      deflate: true,
    },
    { name: main.part, content: main.content, deflate: true },
    ...extra.map((part) => ({ ...part, deflate: true })),
  ]);
}

/** A Word document (the least a reader accepts) whose body is `body` (WordprocessingML paragraphs). */
export function docx(
  body: Buffer | string,
  contentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
): Buffer {
  const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return ooxmlPackage({
    contentType,
    part: 'word/document.xml',
    content: Buffer.concat([
      Buffer.from(`<?xml version="1.0"?><w:document xmlns:w="${w}"><w:body>`),
      Buffer.isBuffer(body) ? body : Buffer.from(body),
      Buffer.from('</w:body></w:document>'),
    ]),
  });
}
