/** A piece of a document small enough to embed and to cite, with where it came from. */
export interface Chunk {
  ordinal: number;
  text: string;
  /** Headings above the chunk, outermost first, joined by " › " (empty outside any heading). */
  headingPath: string;
  page: number | null;
  /** 1-based, inclusive. */
  lineStart: number;
  lineEnd: number;
  /** Offsets in the extracted text, end exclusive. */
  charStart: number;
  charEnd: number;
  tokens: number;
}

export interface ChunkOptions {
  /** Most tokens per chunk. Defaults to 256. */
  maxTokens?: number;
  /** Tokens of the previous chunk repeated at the start of the next, for context. Defaults to 32. */
  overlapTokens?: number;
  /**
   * Counts a block's tokens (called once per block; a chunk's count is the sum of its blocks').
   * Defaults to an estimate of one token per four characters.
   */
  countTokens?: (text: string) => number;
  /** Markdown: headings start sections and make the heading path; code fences stay whole. */
  markdown?: boolean;
  /** The page the text is from (PDF), kept on every chunk. */
  page?: number | null;
}

interface Block {
  text: string;
  headingPath: string;
  lineStart: number;
  lineEnd: number;
  charStart: number;
  charEnd: number;
}

interface CountedBlock extends Block {
  tokens: number;
}

/**
 * The texts `chunkText` will count, in order: its blocks (paragraphs, headings, code fences). A
 * caller whose tokenizer is elsewhere (the embedding model, in another thread) counts these first
 * and passes the counts back through `countTokens`.
 */
export function blockTexts(text: string, markdown: boolean): string[] {
  return splitBlocks(text, markdown).map((block) => block.text);
}

export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

/**
 * Splits text into chunks along its structure: blocks are paragraphs (blank-line separated),
 * Markdown headings and whole code fences. Blocks are packed into chunks up to `maxTokens`; a new
 * heading starts a new chunk so a chunk never mixes sections; a block larger than a chunk is cut at
 * line, then word boundaries. Each chunk after the first of a section repeats the tail of the one
 * before, up to `overlapTokens`, so a sentence cut at a boundary is still found whole.
 */
export function chunkText(text: string, options: ChunkOptions = {}): Chunk[] {
  const maxTokens = options.maxTokens ?? 256;
  const overlapTokens = options.overlapTokens ?? 32;
  const count = options.countTokens ?? estimateTokens;
  const blocks = splitBlocks(text, options.markdown ?? false).flatMap((block) =>
    splitLarge({ ...block, tokens: count(block.text) }, maxTokens),
  );
  const chunks: Chunk[] = [];
  let current: CountedBlock[] = [];
  /** Tokens in `current`, kept as blocks come and go. */
  let currentTokens = 0;
  const restart = (blocks: CountedBlock[], tokens: number) => {
    current = blocks;
    currentTokens = tokens;
  };
  const flush = () => {
    if (!current.length) return;
    const first = current[0]!;
    const last = current.at(-1)!;
    chunks.push({
      ordinal: chunks.length,
      text: text.slice(first.charStart, last.charEnd),
      headingPath: first.headingPath,
      page: options.page ?? null,
      lineStart: first.lineStart,
      lineEnd: last.lineEnd,
      charStart: first.charStart,
      charEnd: last.charEnd,
      tokens: currentTokens,
    });
    // Carry whole trailing blocks that fit the overlap into the next chunk.
    const carried: CountedBlock[] = [];
    let carriedTokens = 0;
    for (let i = current.length - 1; i > 0; i--) {
      const tokens = current[i]!.tokens;
      if (carriedTokens + tokens > overlapTokens) break;
      carried.unshift(current[i]!);
      carriedTokens += tokens;
    }
    restart(carried, carriedTokens);
    fresh = false;
  };
  /** Whether `current` holds a block no chunk has yet (carried overlap alone is not a chunk). */
  let fresh = false;
  const fits = (block: CountedBlock) => currentTokens + block.tokens <= maxTokens;
  for (const block of blocks) {
    if (current.length && block.headingPath !== current[0]!.headingPath) {
      if (fresh) flush();
      restart([], 0);
    } else if (current.length && !fits(block)) {
      if (fresh) flush();
      if (current.length && !fits(block)) restart([], 0);
    }
    current.push(block);
    currentTokens += block.tokens;
    fresh = true;
  }
  if (fresh) flush();
  return chunks;
}

/** Paragraphs, headings and code fences, with their heading path and positions. */
function splitBlocks(text: string, markdown: boolean): Block[] {
  const blocks: Block[] = [];
  const headings: string[] = [];
  let start: { line: number; char: number } | null = null;
  let inFence: string | null = null;
  let offset = 0;
  const lines = text.split('\n');
  const close = (endLine: number, endChar: number) => {
    if (!start) return;
    const body = text.slice(start.char, endChar);
    if (body.trim()) {
      blocks.push({
        text: body,
        headingPath: headings.filter(Boolean).join(' › '),
        lineStart: start.line,
        lineEnd: endLine,
        charStart: start.char,
        charEnd: endChar,
      });
    }
    start = null;
  };
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    const lineEnd = offset + line.length;
    const fence = markdown ? /^\s{0,3}(```|~~~)/.exec(line)?.[1] : undefined;
    if (inFence) {
      if (fence === inFence) {
        inFence = null;
        close(lineNo, lineEnd);
      }
    } else if (fence) {
      close(lineNo - 1, offset - 1);
      start = { line: lineNo, char: offset };
      inFence = fence;
    } else {
      const heading = markdown ? /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line) : null;
      if (heading) {
        close(lineNo - 1, offset - 1);
        const level = heading[1]!.length;
        headings.length = level - 1;
        headings[level - 1] = heading[2]!;
        start = { line: lineNo, char: offset };
        close(lineNo, lineEnd);
      } else if (!line.trim()) {
        close(lineNo - 1, offset - 1);
      } else {
        start ??= { line: lineNo, char: offset };
      }
    }
    offset = lineEnd + 1;
  });
  close(lines.length, text.length);
  return blocks;
}

/**
 * A block over the limit, cut at line ends, and a line over the limit at spaces. The pieces share
 * the block's counted tokens in proportion to their length.
 */
function splitLarge(block: CountedBlock, maxTokens: number): CountedBlock[] {
  if (block.tokens <= maxTokens) return [block];
  const pieces: CountedBlock[] = [];
  let pieceStart = block.charStart;
  let pieceLine = block.lineStart;
  let line = block.lineStart;
  // Cut by characters at the block's own density: code and tables have fewer characters a token.
  const charsPerToken = block.text.length / Math.max(1, block.tokens);
  // A little under the limit, so a cut that waits for the next space still fits.
  const maxChars = Math.max(16, Math.floor(maxTokens * charsPerToken * 0.9));
  for (let i = block.charStart; i <= block.charEnd; i++) {
    const atEnd = i === block.charEnd;
    const char = block.text[i - block.charStart];
    const length = i - pieceStart;
    const boundary = atEnd || char === '\n' || (length >= maxChars && char === ' ') || length >= maxChars * 2;
    if (boundary && (atEnd || length >= maxChars * 0.8)) {
      const body = block.text.slice(pieceStart - block.charStart, i - block.charStart);
      if (body.trim()) {
        pieces.push({
          ...block,
          text: body,
          lineStart: pieceLine,
          lineEnd: line,
          charStart: pieceStart,
          charEnd: i,
          tokens: Math.ceil(body.length / charsPerToken),
        });
      }
      pieceStart = char === '\n' || char === ' ' ? i + 1 : i;
      pieceLine = char === '\n' ? line + 1 : line;
    }
    if (char === '\n') line++;
  }
  return pieces;
}
