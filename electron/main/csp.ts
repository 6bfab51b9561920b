/**
 * The renderer's Content-Security-Policy: only the app's own code, no remote anything. Inline
 * styles are allowed because Radix positions popovers with style attributes; inline scripts are not.
 * Used both as the `app://` response header and as a `<meta>` tag in the built index.html.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
