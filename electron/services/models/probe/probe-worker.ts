/**
 * Child-process entry (a build entry of its own, see electron.vite.config.ts): opens models with
 * llama.cpp away from the app. llama.cpp stops the whole process on a failed assert (a vocabulary
 * with two equal tokens, for one), and no check before it can know every assert; here that ends
 * this process and the model is refused, instead of ending the app. CPU only, one thread: the
 * probe needs llama.cpp to read the file, not to be fast.
 */
import { getLlama, LlamaCompletion, LlamaLogLevel, type Llama } from 'node-llama-cpp';
import { connectToParent } from '../../workers/parent-port';
import type { ProbeReply, ProbeRequest } from './probe-protocol';

/** Has special tokens, a newline and non-ASCII text, so every tokenizer path is taken. */
const PROBE_TEXT = '<|im_start|>user\nHello, wörld: 42 ½ 🙂\n<|im_end|>';

const port = connectToParent();
port.onParentGone(() => process.exit(0));
let llama: Promise<Llama> | undefined;
/** llama.cpp's first error line: node-llama-cpp's own error says only "Failed to load model". */
let firstError = '';
let queue = Promise.resolve();

port.onMessage((message) => {
  const request = message as ProbeRequest;
  queue = queue.then(async () => {
    let reply: ProbeReply;
    try {
      reply = { id: request.id, ok: true, tokens: await probe(request) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // llama.cpp's log lines reach JavaScript on a later turn of the event loop.
      await new Promise((resolve) => setTimeout(resolve, 50));
      reply = { id: request.id, ok: false, message: firstError ? plainLlamaError(firstError) : message };
    }
    await port.post(reply).catch(() => undefined);
  });
});

async function probe(request: ProbeRequest): Promise<number> {
  firstError = '';
  llama ??= getLlama({
    gpu: false,
    build: 'never',
    maxThreads: 1,
    progressLogs: false,
    logLevel: LlamaLogLevel.error,
    logger: (level, message) => {
      if ((level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) && !firstError) firstError = message;
    },
  });
  const model = await (
    await llama
  ).loadModel({
    modelPath: request.path,
    vocabOnly: request.mode === 'vocabulary',
    gpuLayers: 0,
    useMmap: true,
  });
  try {
    const tokens = model.tokenize(PROBE_TEXT, true);
    model.detokenize(tokens, true);
    model.tokenize(PROBE_TEXT, false);
    if (request.mode === 'vocabulary') return tokens.length;
    const context = await model.createContext({ contextSize: 64, threads: 1, batchSize: 16 });
    try {
      const completion = new LlamaCompletion({ contextSequence: context.getSequence() });
      await completion.generateCompletion('Hello', { maxTokens: 4 });
      return tokens.length;
    } finally {
      await context.dispose();
    }
  } finally {
    await model.dispose();
  }
}

/** "llama_model_load: error loading model: error loading model vocabulary: X" → "error loading model vocabulary: X". */
function plainLlamaError(line: string): string {
  return line
    .trim()
    .replace(/^\w+: /, '')
    .replace(/^(error loading model: )+/, '');
}
