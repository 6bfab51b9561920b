/**
 * `npm run bench -- chat [--threads N] [--generate N] [--turns N] [--pairs N] [--shape S] [--turns-shape S] [--tiny-tokens N]`
 *
 * The chat path's cost, measured with the app's own services:
 * 1. generation tokens/s through `chat.send` against a bare node-llama-cpp evaluate loop, on the
 *    realistic 1B shape (llama-1b-q4_0), same threads, greedy, no repeat penalty: the median of
 *    N interleaved pairs (default 7, pairs.ts) with its spread (goal ≥ 0.95);
 * 2. time to first token of turn 20 against turn 2 of one conversation, on Qwen3 1.7B's shape with
 *    Qwen3's real tokenizer and chat template (`--turns-shape`; goal ≤ 1.3: a follow-up evaluates
 *    only its new tokens, however long the conversation), with the tokens each turn evaluated;
 * 3. per-token overhead in ms of the chat path over the bare loop on the tiny shape, where the
 *    model itself costs almost nothing.
 * Prints numbers; asserts nothing. Compare ratios within one run.
 */
import { parseArgs } from 'node:util';
import type { Services } from '../../electron/services';
import { fixtureModel } from '../../native-models/fixtures/generate';
import type { ShapeName } from '../../native-models/fixtures/shapes';
import { benchServices } from './bench-services';
import { describeRatio, interleaved, median } from './pairs';

const { values } = parseArgs({
  options: {
    threads: { type: 'string', default: '2' },
    generate: { type: 'string', default: '64' },
    turns: { type: 'string', default: '20' },
    pairs: { type: 'string', default: '7' },
    'turns-shape': { type: 'string', default: 'qwen3-1.7b-real-tokenizer' },
    /** The shape of the chat path ÷ bare loop figure. */
    shape: { type: 'string', default: 'llama-1b-q4_0' },
    /** Tokens per answer of the per-token overhead on tiny-chat. */
    'tiny-tokens': { type: 'string', default: '512' },
  },
});
const threads = Number(values.threads);
const generate = Number(values.generate);
const turns = Number(values.turns);
const pairs = Number(values.pairs);

const bench = benchServices('chat', threads);
const { services } = bench;

try {
  console.log(`threads ${threads}, ${generate} tokens per answer, greedy`);
  const bigShape = values.shape as ShapeName;
  const big = await install(services, bigShape);
  const big1b = await interleaved(
    pairs,
    () => chatPath(services, big, generate),
    () => bareLoop(services, big, generate),
  );
  console.log(
    `${bigShape} generation: chat path ${median(big1b.a).toFixed(2)} tok/s, bare loop ${median(big1b.b).toFixed(2)} tok/s; chat path ÷ bare ${describeRatio(big1b.ratios, 3)} (goal ≥ 0.95)`,
  );

  await services.models.unload({ id: big });
  const turnsShape = values['turns-shape'] as ShapeName;
  const talker = await install(services, turnsShape);
  const firstTokens = await conversation(services, talker, turns);
  const [second, last] = [firstTokens[1]!, firstTokens.at(-1)!];
  // Single turns are noisy here; the medians of turns 2–4 and of the last three say the same more steadily.
  const [early, late] = [median(firstTokens.slice(1, 4)), median(firstTokens.slice(-3))];
  console.log(
    `${turnsShape} time to first token: turn 2 ${second.toFixed(0)} ms, turn ${turns} ${last.toFixed(0)} ms, ratio ${(last / second).toFixed(2)} (goal ≤ 1.3); ` +
      `medians of turns 2–4 and ${turns - 2}–${turns}: ${early.toFixed(0)} and ${late.toFixed(0)} ms, ratio ${(late / early).toFixed(2)}`,
  );
  console.log(`  every turn: ${firstTokens.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  await services.models.unload({ id: talker });

  // One thread: on a model this small, llama.cpp's threads spend more time waiting for each other
  // than computing, and that noise would hide the chat path's own cost.
  const tiny = await install(services, 'tiny-chat', 1);
  const tinyTokens = Number(values['tiny-tokens']);
  const tinyPairs = await interleaved(
    pairs,
    () => chatPath(services, tiny, tinyTokens),
    () => bareLoop(services, tiny, tinyTokens),
  );
  const [tinyChat, tinyBare] = [median(tinyPairs.a), median(tinyPairs.b)];
  console.log(
    `tiny-chat per-token overhead: chat path ${(1000 / tinyChat).toFixed(3)} ms/token, bare loop ${(1000 / tinyBare).toFixed(3)} ms/token, overhead ${(1000 / tinyChat - 1000 / tinyBare).toFixed(3)} ms/token`,
  );
} finally {
  await bench.dispose();
}

async function install(s: Services, shape: ShapeName, modelThreads = threads): Promise<string> {
  const model = await s.models.import(fixtureModel(shape), 'reference');
  await s.models.setSettings(model.id, { threads: modelThreads, contextSize: 4096, repeatPenalty: 1, temperature: 0 });
  await s.models.load(model.id);
  return model.id;
}

/** Tokens/s after the first token, evaluating the model's own greedy choices in a plain loop. */
async function bareLoop(s: Services, modelId: string, tokens: number): Promise<number> {
  return s.models.withModel(modelId, 'chat', async ({ model, record }) => {
    const context = await model.createContext({
      contextSize: 4096,
      threads: s.models.threads(record).count,
      sequences: 1,
    });
    try {
      const sequence = context.getSequence();
      const prompt = model.tokenize('Write a long story about a lighthouse keeper and the sea.');
      let count = 0;
      let firstAt = 0;
      for await (const _token of sequence.evaluate(prompt, { temperature: 0 })) {
        if (++count === 1) firstAt = performance.now();
        if (count >= tokens) break;
      }
      return (count - 1) / ((performance.now() - firstAt) / 1000);
    } finally {
      await context.dispose();
    }
  });
}

/** Tokens/s after the first token through the chat service (history, template, streaming, saving). */
async function chatPath(s: Services, modelId: string, tokens: number): Promise<number> {
  const chat = s.chat.create({ modelId, generation: { temperature: 0, maxTokens: tokens } });
  const answer = await s.chat.send({
    conversationId: chat.id,
    content: 'Write a long story about a lighthouse keeper and the sea.',
  });
  const stats = answer.stats!;
  if (stats.generatedTokens < tokens / 2) console.log(`  (the answer stopped after ${stats.generatedTokens} tokens)`);
  console.log(
    `  chat path: ${stats.generatedTokens} tokens at ${stats.tokensPerSecond.toFixed(2)} tok/s; ${stats.predictor ?? 'no predictor'} guessed ${stats.predictedTokens}, ${stats.lookupAcceptance === null ? '-' : `${Math.round(stats.lookupAcceptance * 100)} %`} confirmed`,
  );
  return stats.tokensPerSecond;
}

/**
 * Time to first token of each turn of one conversation with short answers. The context is 8,192
 * so that what is measured is a follow-up's cost, not a context shift (a generated vocabulary
 * spells English about a token per character, so twenty turns there take ~4,000 tokens; with a
 * real tokenizer, about a quarter of that).
 */
async function conversation(s: Services, modelId: string, count: number): Promise<number[]> {
  await s.models.setSettings(modelId, { contextSize: 8192 });
  const chat = s.chat.create({ modelId, generation: { temperature: 0, maxTokens: 16 } });
  const times: number[] = [];
  const evaluated: number[] = [];
  for (let turn = 1; turn <= count; turn++) {
    const answer = await s.chat.send({
      conversationId: chat.id,
      content: `Question ${turn}: what happened next at the lighthouse?`,
    });
    times.push(answer.stats!.timeToFirstTokenMs);
    evaluated.push(answer.stats!.evaluatedTokens);
  }
  await s.models.setSettings(modelId, { contextSize: 4096 });
  console.log(`  tokens evaluated per turn: ${evaluated.join(', ')}`);
  return times;
}
