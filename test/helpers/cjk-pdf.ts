import { pdfFile, pdfStream } from './pdf-file';

/** The character collections of Adobe's CJK fonts, with the UCS-2 CMap each is shown through. */
const COLLECTIONS = {
  japanese: { ordering: 'Japan1', cmap: 'UniJIS-UCS2', font: 'Ryumin-Light' },
  chinese: { ordering: 'GB1', cmap: 'UniGB-UCS2', font: 'STSong-Light' },
  korean: { ordering: 'Korea1', cmap: 'UniKS-UCS2', font: 'HYSMyeongJo-Medium' },
} as const;

/**
 * A one-page PDF whose text is in a CID-keyed CJK font that is not embedded and has no ToUnicode
 * map, as Acrobat writes with its Asian font packs: a reader can only get the text back through
 * Adobe's predefined CMaps (codes to CIDs, then CIDs to Unicode). `vertical` writes it top to
 * bottom (the `-V` CMap). A line in Helvetica, a standard font that is not embedded either,
 * follows the CJK text.
 */
export function cjkPdf(options: {
  language: keyof typeof COLLECTIONS;
  text: string;
  latin?: string;
  vertical?: boolean;
}): Buffer {
  const { ordering, cmap, font } = COLLECTIONS[options.language];
  const ucs2 = Buffer.from(options.text, 'utf16le').swap16().toString('hex').toUpperCase();
  const latin = options.latin ? ` BT /F2 12 Tf 72 120 Td (${options.latin}) Tj ET` : '';
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 8 0 R >> >> /Contents 4 0 R >>',
    pdfStream('', Buffer.from(`BT /F1 24 Tf 72 700 Td <${ucs2}> Tj ET${latin}`)),
    `<< /Type /Font /Subtype /Type0 /BaseFont /${font} /Encoding /${cmap}-${options.vertical ? 'V' : 'H'} /DescendantFonts [6 0 R] >>`,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${font} /CIDSystemInfo << /Registry (Adobe) /Ordering (${ordering}) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>`,
    `<< /Type /FontDescriptor /FontName /${font} /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}
