/**
 * `npm run bench -- gguf-fuzz [--mutants N] [--seed S]`
 *
 * A seeded mutation fuzz of the tiny chat model's header, played the way the app meets a new
 * model: Hearth's checks (inspectGguf: structure, ranges, vocabulary, node-llama-cpp's reader),
 * then the first opening in a child process (the vocabulary probe). What passes both is then
 * loaded whole and run for a few tokens, in another child: there, in the app, llama.cpp runs in
 * the main process, so a death of that child is an abort that would have reached the window.
 * Prints how each mutant ended and the seeds of any such abort (`--keep DIR` keeps their files);
 * asserts nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HearthError } from '../../electron/ipc/errors';
import { inspectGguf } from '../../electron/services/models/gguf/inspect';
import { readGgufStructure } from '../../electron/services/models/gguf/gguf-structure';
import { stopGgufValidator } from '../../electron/services/models/gguf/gguf-validator';
import { ModelProbe, type ProbeOutcome } from '../../electron/services/models/probe/model-probe';
import { fixtureModel } from '../../native-models/fixtures/generate';
import { seededRandom } from '../../native-models/fixtures/random';

const { values } = parseArgs({
  options: {
    mutants: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    /** Keep the mutants that stopped llama.cpp in this folder, to study them. */
    keep: { type: 'string' },
  },
});
/** Values that break lengths, counts and ids when written over a field. */
const WORDS = [0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff, 383, 384, 385];

const total = Number(values.mutants);
const firstSeed = Number(values.seed);

const basePath = fixtureModel('tiny-chat');
const base = readFileSync(basePath);
const regions = headerRegions(base, basePath);
const dir = mkdtempSync(join(tmpdir(), 'hearth-gguf-fuzz-'));
const vocabularyProbe = new ModelProbe({ timeoutMs: 60_000 });
const runProbe = new ModelProbe({ timeoutMs: 60_000 });

type Ending =
  | `refused by Hearth: ${string}`
  | 'refused by llama.cpp at first opening'
  | 'stopped llama.cpp at first opening (child process)'
  | 'loads and runs'
  | 'refused by llama.cpp at full load'
  | 'ABORT AT FULL LOAD (would reach the main process)';

const endings = new Map<string, number>();
const byMutation = new Map<string, Map<string, number>>();
const escaped: string[] = [];
const caught: string[] = [];
const started = performance.now();

for (let n = 0; n < total; n++) {
  const seed = firstSeed + n;
  const { bytes, mutation } = mutate(base, seed);
  const path = join(dir, `mutant-${seed}.gguf`);
  writeFileSync(path, bytes);
  const ending = await play(path);
  if (ending.startsWith('ABORT')) escaped.push(`seed ${seed} (${mutation})`);
  if (ending.startsWith('stopped')) caught.push(`seed ${seed} (${mutation})`);
  if ((ending.startsWith('stopped') || ending.startsWith('ABORT')) && values.keep) {
    writeFileSync(join(values.keep, `mutant-${seed}.gguf`), bytes);
  }
  count(endings, ending);
  const perMutation = byMutation.get(mutation) ?? new Map<string, number>();
  byMutation.set(mutation, perMutation);
  count(perMutation, ending.startsWith('refused by Hearth') ? 'refused by Hearth' : ending);
  rmSync(path, { force: true });
  if ((n + 1) % 250 === 0)
    console.log(`${n + 1}/${total} mutants, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

vocabularyProbe.close();
runProbe.close();
await stopGgufValidator();
rmSync(dir, { recursive: true, force: true });

console.log(`\n## GGUF mutation fuzz: ${total} mutants of tiny-chat (seeds ${firstSeed}..${firstSeed + total - 1})`);
console.log(
  `header ${regions.headerEnd} bytes; tokenizer arrays at ${regions.tokenizerStart}..${regions.tokenizerEnd}`,
);
for (const [ending, n] of [...endings].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(6)}  ${ending}`);
console.log('\nby mutation:');
for (const [mutation, perEnding] of byMutation) {
  console.log(`  ${mutation}: ${[...perEnding].map(([ending, n]) => `${ending} ${n}`).join(', ')}`);
}
console.log(`\naborts caught by the first opening in a child process: ${caught.length}`);
for (const line of caught) console.log(`  ${line}`);
console.log(`aborts that would reach the main process: ${escaped.length}`);
for (const line of escaped) console.log(`  ${line}`);
console.log(`time: ${((performance.now() - started) / 1000).toFixed(0)} s`);

/** What the app would do with this file at import, then at its first chat. */
async function play(path: string): Promise<Ending> {
  try {
    await inspectGguf(path);
  } catch (error) {
    if (error instanceof HearthError && error.code === 'INVALID_GGUF') {
      return `refused by Hearth: ${(error.details as { problem?: string } | undefined)?.problem ?? 'unknown'}`;
    }
    throw error;
  }
  const first = await vocabularyProbe.run(path, 'vocabulary');
  if (first.kind === 'refused') return 'refused by llama.cpp at first opening';
  if (first.kind === 'died') return 'stopped llama.cpp at first opening (child process)';
  const full: ProbeOutcome = await runProbe.run(path, 'generate');
  if (full.kind === 'ok') return 'loads and runs';
  if (full.kind === 'refused') return 'refused by llama.cpp at full load';
  return 'ABORT AT FULL LOAD (would reach the main process)';
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

interface Regions {
  /** Where tensor data starts (everything before is metadata and tensor infos). */
  headerEnd: number;
  /** The token strings, scores and types. */
  tokenizerStart: number;
  tokenizerEnd: number;
}

function headerRegions(file: Buffer, path: string): Regions {
  const tokens = file.indexOf('tokenizer.ggml.tokens');
  const after = file.indexOf('tokenizer.ggml.unknown_token_id');
  if (tokens < 0 || after < 0) throw new Error('The base model does not have the expected keys.');
  const { dataOffset } = readGgufStructure(path, { knownArchitectures: new Set(['llama']) });
  return { headerEnd: dataOffset, tokenizerStart: tokens, tokenizerEnd: after };
}

/** One seeded mutation of the file: which kind, and the bytes. */
function mutate(file: Buffer, seed: number): { bytes: Buffer; mutation: string } {
  const random = seededRandom(seed * 2654435761);
  const pick = (from: number, to: number) => from + Math.floor(random() * (to - from));
  const bytes = Buffer.from(file);
  const anywhere = () => pick(0, Math.min(regions.headerEnd, bytes.length));
  const inTokenizer = () => pick(regions.tokenizerStart, regions.tokenizerEnd);
  const kind = pick(0, 6);
  switch (kind) {
    case 0:
      return { bytes: bytes.subarray(0, pick(0, regions.headerEnd)), mutation: 'truncate in header' };
    case 1:
      for (let i = pick(1, 5); i > 0; i--) bytes[anywhere()] = pick(0, 256);
      return { bytes, mutation: 'bytes over metadata' };
    case 2:
      for (let i = pick(1, 5); i > 0; i--) bytes[inTokenizer()] = pick(0, 256);
      return { bytes, mutation: 'bytes over tokenizer arrays' };
    case 3: {
      const at = pick(0, regions.headerEnd - 8);
      const value = WORDS[pick(0, WORDS.length)]!;
      if (random() < 0.5) bytes.writeUInt32LE(value, at);
      else bytes.writeBigUInt64LE(BigInt(value), at);
      return { bytes, mutation: 'word over metadata' };
    }
    case 4: {
      const at = pick(regions.tokenizerStart, regions.tokenizerEnd - 8);
      bytes.writeUInt32LE(WORDS[pick(0, WORDS.length)]!, at);
      return { bytes, mutation: 'word over tokenizer arrays' };
    }
    default: {
      // One token's text copied over another of the same length: two equal tokens.
      const from = inTokenizer();
      const to = inTokenizer();
      const length = pick(1, 6);
      bytes.copy(bytes, to, from, Math.min(from + length, regions.tokenizerEnd));
      return { bytes, mutation: 'bytes copied within tokenizer arrays' };
    }
  }
}
