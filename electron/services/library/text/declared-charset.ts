/**
 * The charset a markup file declares in its first 4 KB, where browsers look for it: an HTML
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`, or an XML
 * declaration's `encoding`. Null when it declares none.
 */
export function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return meta?.[1] ?? null;
}
