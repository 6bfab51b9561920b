import { invalidGguf } from './gguf-problems';
import { asInteger, GgufValueType, type GgufArray, type GgufStructure, type GgufValue } from './gguf-structure';

/** The vocabulary's token strings, which `checkVocabulary` needs whole (see `keepStringArrays`). */
export const VOCABULARY_KEY = 'tokenizer.ggml.tokens';

/**
 * Special tokens llama.cpp puts into every prompt when the matching flag is on. An id out of the
 * vocabulary is disabled with a warning at load, and then the first prompt trips
 * `GGML_ASSERT(special_bos_id != LLAMA_TOKEN_NULL)` (llama-vocab.cpp), which aborts the process.
 */
const ADDED_SPECIAL_TOKENS: Array<[id: string, flag: string]> = [
  ['tokenizer.ggml.bos_token_id', 'tokenizer.ggml.add_bos_token'],
  ['tokenizer.ggml.eos_token_id', 'tokenizer.ggml.add_eos_token'],
  ['tokenizer.ggml.seperator_token_id', 'tokenizer.ggml.add_sep_token'],
];

/**
 * What llama.cpp's vocabulary loader (llama-vocab.cpp, `llama_vocab::impl::load`) asserts on or
 * reads without a bound, checked before it sees the file. An assert there aborts the whole
 * process, which in the app is the window. Checks the first part's metadata, where the vocabulary
 * is; a model without one (llama.cpp then makes a dummy vocabulary) passes.
 */
export function checkVocabulary(first: GgufStructure): void {
  const tokens = first.metadata.get(VOCABULARY_KEY);
  if (tokens === undefined) return;
  if (!isArrayOf(tokens, GgufValueType.STRING) || !tokens.values) {
    throw invalidGguf('bad-vocabulary', `${VOCABULARY_KEY} is not a list of strings`, { key: VOCABULARY_KEY });
  }
  const texts = tokenTexts(tokens.values);
  checkDistinct(texts);
  if (first.metadata.get('tokenizer.ggml.model') === 'llama') checkByteTokens(texts);
  const count = tokens.length;
  checkParallelArray(first, 'tokenizer.ggml.scores', [GgufValueType.FLOAT32, GgufValueType.INT32], count);
  checkParallelArray(first, 'tokenizer.ggml.token_type', [GgufValueType.INT32], count);
  const merges = first.metadata.get('tokenizer.ggml.merges');
  if (merges !== undefined && !isArrayOf(merges, GgufValueType.STRING)) {
    throw invalidGguf('bad-vocabulary', 'tokenizer.ggml.merges is not a list of strings', {
      key: 'tokenizer.ggml.merges',
    });
  }
  for (const [idKey, flagKey] of ADDED_SPECIAL_TOKENS) checkSpecialToken(first, idKey, flagKey, count);
}

/**
 * The token strings as llama.cpp keys them: it reads each as a C string, so a token ends at its
 * first NUL ("ab\0c" is "ab"), and an empty one is stored as `[EMPTY_<id>]`.
 */
function tokenTexts(values: GgufValue[]): string[] {
  return values.map((value, id) => {
    if (typeof value !== 'string') {
      throw invalidGguf('bad-vocabulary', `token ${id} is longer than any real token`, { token: id });
    }
    const asC = value.split('\0', 1)[0]!;
    return asC === '' ? `[EMPTY_${id}]` : asC;
  });
}

/**
 * Two equal token strings make llama.cpp's id→token and token→id tables differ in size, and it
 * asserts they do not.
 */
function checkDistinct(texts: string[]): void {
  const seen = new Map<string, number>();
  for (const [id, text] of texts.entries()) {
    const earlier = seen.get(text);
    if (earlier !== undefined) {
      throw invalidGguf(
        'duplicate-token',
        `tokens ${earlier} and ${id} are the same string (${JSON.stringify(text.slice(0, 40))}), which llama.cpp cannot load`,
        { tokens: [earlier, id] },
      );
    }
    seen.set(text, id);
  }
}

/**
 * A SentencePiece vocabulary falls back to byte tokens `<0x00>`…`<0xFF>` for text it has no piece
 * for, looked up with `token_to_id.at()`: one missing byte token throws out of llama.cpp while a
 * prompt is tokenized, which ends the process. Some, then all.
 */
function checkByteTokens(texts: string[]): void {
  const present = new Set(texts);
  const bytes = Array.from({ length: 256 }, (_, byte) => `<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`);
  const missing = bytes.filter((token) => !present.has(token));
  if (missing.length > 0 && missing.length < bytes.length) {
    throw invalidGguf(
      'bad-vocabulary',
      `the vocabulary has byte tokens but not ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}`,
      { missing: missing.length },
    );
  }
}

/** Scores and token types: llama.cpp reads one per token, so a shorter array is read past its end. */
function checkParallelArray(first: GgufStructure, key: string, types: number[], tokenCount: number): void {
  const value = first.metadata.get(key);
  if (value === undefined) return;
  if (!isArray(value) || !types.includes(value.elementType)) {
    throw invalidGguf('bad-vocabulary', `${key} is not a list of numbers`, { key });
  }
  if (value.length < tokenCount) {
    throw invalidGguf('bad-vocabulary', `${key} has ${value.length} entries for ${tokenCount} tokens`, { key });
  }
}

function checkSpecialToken(first: GgufStructure, idKey: string, flagKey: string, tokenCount: number): void {
  const id = first.metadata.get(idKey);
  if (id === undefined || first.metadata.get(flagKey) !== true) return;
  const value = asInteger(id);
  if (value === null || value < 0n || value >= BigInt(tokenCount)) {
    throw invalidGguf(
      'bad-vocabulary',
      `${idKey} is ${typeof id === 'object' ? 'not a number' : String(id)}, outside the ${tokenCount} tokens, and ${flagKey} asks for it in every prompt`,
      { key: idKey },
    );
  }
}

function isArray(value: GgufValue): value is GgufArray {
  return typeof value === 'object' && value !== null && 'elementType' in value;
}

function isArrayOf(value: GgufValue, elementType: number): value is GgufArray {
  return isArray(value) && value.elementType === elementType;
}
