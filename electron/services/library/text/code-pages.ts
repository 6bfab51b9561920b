import iconv from 'iconv-lite';

/** Windows code page numbers whose iconv-lite name is not simply `cp<number>`. */
const NAMED: Record<number, string> = {
  65001: 'utf-8',
  1200: 'utf-16le',
  1201: 'utf-16be',
  20127: 'windows-1252',
  28591: 'windows-1252',
  20866: 'koi8-r',
  21866: 'koi8-u',
  50220: 'iso-2022-jp',
  50221: 'iso-2022-jp',
  50222: 'iso-2022-jp',
  51932: 'euc-jp',
  51949: 'euc-kr',
  52936: 'hz-gb-2312',
  54936: 'gb18030',
  10000: 'macintosh',
  10007: 'x-mac-cyrillic',
};

/**
 * The decoder name of a Windows code page number, as Outlook (`PidTagInternetCodepage`), RTF
 * (`\ansicpg`) and Word store them; null for one Hearth cannot decode.
 */
export function windowsCodePage(page: number): string | null {
  const named = NAMED[page];
  if (named) return named;
  if (page >= 28592 && page <= 28606) return `iso-8859-${page - 28590}`;
  const name = `cp${page}`;
  return iconv.encodingExists(name) ? name : null;
}
