/** A line of base64: 40+ characters of its alphabet and nothing else (MIME wraps at 76). */
const BASE64_LINE = /^[A-Za-z0-9+/]{40,}={0,2}$/;
/** A token of base64 (a data URI's payload, a key, an inline image) too long to be a word. */
const BASE64_TOKEN = /(?:data:[\w/+.-]+;base64,)?[A-Za-z0-9+/]{120,}={0,2}/g;
/** Quoted-printable: escapes (`=C3=A9`) and soft line breaks (`=` at a line's end). */
const QP_ESCAPE = /=[0-9A-F]{2}/g;

/**
 * Whether a run of base64's alphabet inside a line of prose is encoded data: digits and both cases
 * mixed, and few slashes. A run of letters alone is a word list or a DNA sequence; one with a slash
 * every few letters is a path ("/System/Library/LaunchDaemons").
 */
function looksEncoded(run: string): boolean {
  return /\d/.test(run) && /[A-Z]/.test(run) && /[a-z]/.test(run) && fewSlashes(run);
}

/** Whole lines of the alphabet need only this: constant data encodes to "AAAA…" or "BwcH…". */
function fewSlashes(run: string): boolean {
  return run.split('/').length - 1 <= Math.max(2, run.length / 16);
}

/**
 * Blanks what is encoded rather than written: runs of two or more base64 lines, base64 tokens of
 * 120+ characters, and quoted-printable lines. Blank, not removed: lines keep their numbers, so
 * citations of the rest stay right. Returns the text and how many characters were blanked.
 */
export function blankEncodedRuns(text: string): { text: string; blanked: number } {
  const lines = text.split('\n');
  let blanked = 0;
  const base64 = lines.map((line) => BASE64_LINE.test(line.trim()) && fewSlashes(line.trim()));
  // A run's last line is shorter than the rest.
  for (let i = 1; i < lines.length; i++) {
    if (!base64[i] && base64[i - 1] && /^[A-Za-z0-9+/]{4,}={0,2}$/.test(lines[i]!.trim())) base64[i] = true;
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const inRun = base64[i] && (base64[i - 1] || base64[i + 1]);
    const qp = line.length >= 20 && (line.match(QP_ESCAPE)?.length ?? 0) * 3 > line.length * 0.3;
    if (inRun || qp) {
      blanked += line.length;
      lines[i] = '';
    } else if (line.length >= 120) {
      lines[i] = line.replace(BASE64_TOKEN, (token) => {
        if (!looksEncoded(token)) return token;
        blanked += token.length;
        return '';
      });
    }
  }
  return { text: blanked ? lines.join('\n') : text, blanked };
}
