import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { decodeText } from '../text/decode';
import { declaredCharset } from '../text/declared-charset';
import { parseHtmlDocument } from './html';
import { UnreadableDocument, type Parsed } from './types';

/** Most a compressed body may inflate to: a page is far smaller, a bomb is stopped here. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * A saved HTTP response (`HTTP/1.1 200 OK`, headers, body), as capture tools and `curl -i` write
 * them: the body is undone from its transfer coding (chunked) and content coding (gzip, deflate,
 * brotli), decoded in its declared charset, and read as HTML or text by its content type. A body
 * of another type (a picture, a zip) is `unsupported-type`.
 */
export function parseHttpResponse(bytes: Buffer): Parsed {
  // The headers end at the first blank line, CRLF or bare LF (capture tools write either).
  const ends = [
    [bytes.indexOf('\r\n\r\n'), 4],
    [bytes.indexOf('\n\n'), 2],
  ].filter(([at]) => at! >= 0) as Array<[number, number]>;
  const split = ends.length ? Math.min(...ends.map(([at, length]) => at + length)) : -1;
  if (split < 2) throw new UnreadableDocument('parse-failed', 'The HTTP response has no end to its headers.');
  const headers = new Map<string, string>();
  for (const line of bytes.subarray(0, split).toString('latin1').split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  let body = bytes.subarray(split);
  try {
    if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(body);
    const coding = (headers.get('content-encoding') ?? '').toLowerCase();
    if (coding.includes('gzip')) body = gunzipSync(body, { maxOutputLength: MAX_BODY_BYTES });
    else if (coding.includes('br')) body = brotliDecompressSync(body, { maxOutputLength: MAX_BODY_BYTES });
    else if (coding.includes('deflate')) body = inflateSync(body, { maxOutputLength: MAX_BODY_BYTES });
  } catch (error) {
    throw new UnreadableDocument(
      'parse-failed',
      `The HTTP response's body could not be unpacked: ${(error as Error).message}`,
    );
  }
  const type = headers.get('content-type') ?? 'text/html';
  const html = /html|xml/i.test(type);
  if (!html && !/^text\/|json|javascript|csv/i.test(type)) {
    throw new UnreadableDocument('unsupported-type', `An HTTP response holding ${type.split(';')[0]}, not text.`);
  }
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(type)?.[1] ?? (html ? declaredCharset(body) : null);
  const decoded = decodeText(body, { declared: charset });
  if (!decoded.ok)
    throw new UnreadableDocument('parse-failed', `The HTTP response's body is binary: ${decoded.detail}`);
  return html
    ? { sections: [{ text: parseHtmlDocument(decoded.text), page: null }], markdown: true }
    : { sections: [{ text: decoded.text, page: null }], markdown: false };
}

/** A chunked body (hex size line, data, CRLF; a zero size ends it) made whole. */
function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const lineEnd = body.indexOf('\n', at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(body.subarray(at, lineEnd).toString('latin1').split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size <= 0) break;
    parts.push(body.subarray(lineEnd + 1, lineEnd + 1 + size));
    at = lineEnd + 1 + size;
    if (body[at] === 0x0d) at++;
    if (body[at] === 0x0a) at++;
  }
  return Buffer.concat(parts);
}
