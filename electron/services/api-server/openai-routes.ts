import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ChatHistoryItem } from 'node-llama-cpp';
import { HearthError, toErrorData } from '../../ipc/errors';
import type { ChatService } from '../chat/chat-service';
import type { Answer, AnswerTurn } from '../chat/grounded-answer';
import type { TurnRequest, TurnResult } from '../chat/generation';
import { samplingFor } from '../chat/sampling';
import type { LibraryService } from '../library/library-service';
import type { Embedder } from '../models/embedder';
import type { ModelRecord } from '../models/model-store';
import type { ModelsService } from '../models/models-service';
import { ChatCompletionRequestSchema, EmbeddingRequestSchema, type ChatCompletionRequest } from './openai-schemas';
import type { RequestOutcome } from './request-log';
import type { WorkQueue } from './work-queue';

export interface OpenAiRoutesDeps {
  models: ModelsService;
  chat: ChatService;
  embedder: Embedder;
  library: LibraryService;
  queue: WorkQueue;
}

/** What each request carries through the middlewares: its log entry. */
export type ApiEnv = { Variables: { outcome: RequestOutcome; end: (status: number) => void } };

/**
 * The OpenAI-compatible endpoints over Hearth's own services: models, chat completions (plain and
 * SSE, with sampling, stop strings, seeds and JSON-schema output), embeddings, and the `hearth`
 * extension that answers from collections with checked citations.
 */
export function openAiRoutes(deps: OpenAiRoutesDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.get('/v1/models', (c) =>
    c.json({
      object: 'list',
      data: deps.models.usable().map((record) => ({
        id: record.id,
        object: 'model',
        created: Math.floor(record.addedAt.getTime() / 1000),
        owned_by: 'hearth',
        name: record.metadata.name,
        role: record.metadata.role,
      })),
    }),
  );

  app.post('/v1/chat/completions', async (c) => {
    const body = ChatCompletionRequestSchema.parse(await readJson(c));
    const record = findModel(deps.models, body.model, 'chat');
    const turn: AnswerTurn = {
      modelId: record.id,
      ...splitMessages(body),
      // Names compared as the library compares them (case aside); NOT_FOUND lists the ones there are.
      collectionIds: body.hearth?.collections.map((name) => deps.library.collectionNamed(name).id) ?? [],
      sampling: samplingFor(record.settings, {
        temperature: body.temperature ?? undefined,
        topP: body.top_p ?? undefined,
        maxTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
        seed: body.seed ?? undefined,
      }),
      stop: typeof body.stop === 'string' ? [body.stop] : (body.stop ?? undefined),
      jsonSchema:
        body.response_format?.type === 'json_schema'
          ? (body.response_format.json_schema.schema as TurnRequest['jsonSchema'])
          : body.response_format?.type === 'json_object'
            ? 'any'
            : undefined,
    };
    const id = `chatcmpl-${crypto.randomUUID()}`;
    const created = Math.floor(Date.now() / 1000);
    const outcome = c.get('outcome');
    // The passages given to the model come back whether or not the answer cites them: a client
    // can show where an uncited answer came from, as the app does.
    const extension = (answer: Answer) =>
      answer.prompt !== null
        ? {
            hearth: {
              citations: answer.citations,
              passages: answer.sources.map(({ n, hit }) => ({
                n,
                path: hit.relativePath,
                page: hit.page,
                lineStart: hit.lineStart,
                lineEnd: hit.lineEnd,
                text: hit.text,
              })),
            },
          }
        : {};

    if (!body.stream) {
      const answer = await deps.queue.run(
        () => deps.chat.answers.answer({ ...turn, signal: c.req.raw.signal }),
        c.req.raw.signal,
      );
      const { result } = answer;
      outcome.promptTokens = result.stats.promptTokens;
      outcome.completionTokens = result.stats.generatedTokens;
      return c.json({
        id,
        object: 'chat.completion',
        created,
        model: record.id,
        choices: [
          { index: 0, message: { role: 'assistant', content: result.text }, finish_reason: finishReason(result) },
        ],
        usage: usage(result),
        ...extension(answer),
      });
    }

    // Streamed: the log entry ends when the stream does, with 499 if the client hung up.
    outcome.streaming = true;
    const end = c.get('end');
    return streamSSE(c, async (stream) => {
      const controller = new AbortController();
      stream.onAbort(() => {
        outcome.status = 499;
        controller.abort(new HearthError('CANCELLED', 'The client disconnected.'));
      });
      // Tokens arrive faster than writes finish: chain the writes so chunks keep their order.
      let written: Promise<void> = Promise.resolve();
      const send = (data: string) => (written = written.then(() => stream.writeSSE({ data })));
      const chunk = (delta: object, finish: string | null = null, extra: object = {}) =>
        send(
          JSON.stringify({
            id,
            object: 'chat.completion.chunk',
            created,
            model: record.id,
            choices: [{ index: 0, delta, finish_reason: finish }],
            ...extra,
          }),
        );
      try {
        const answer = await deps.queue.run(async () => {
          await chunk({ role: 'assistant', content: '' });
          return deps.chat.answers.answer({
            ...turn,
            signal: controller.signal,
            onText: (text) => void chunk({ content: text }),
          });
        }, controller.signal);
        const { result } = answer;
        outcome.promptTokens = result.stats.promptTokens;
        outcome.completionTokens = result.stats.generatedTokens;
        if (controller.signal.aborted) return;
        await chunk({}, finishReason(result), extension(answer));
        if (body.stream_options?.include_usage) {
          await send(
            JSON.stringify({
              id,
              object: 'chat.completion.chunk',
              created,
              model: record.id,
              choices: [],
              usage: usage(result),
            }),
          );
        }
        await send('[DONE]');
      } catch (error) {
        if (!controller.signal.aborted) {
          outcome.status = 500;
          const data = toErrorData(error);
          await send(JSON.stringify({ error: { message: data.message, code: data.code } }));
        }
      } finally {
        end(200);
      }
    });
  });

  app.post('/v1/embeddings', async (c) => {
    const body = EmbeddingRequestSchema.parse(await readJson(c));
    const record = findModel(deps.models, body.model, 'embedding');
    const spec = deps.embedder.forModel(record.id)!;
    const texts = typeof body.input === 'string' ? [body.input] : body.input;
    const signal = c.req.raw.signal;
    const { vectors, tokens } = await deps.queue.run(async () => {
      const counts = await deps.embedder.countTokens(spec, texts, signal);
      const embedded =
        body.input_type === 'query'
          ? await Promise.all(texts.map((text) => deps.embedder.embedQuery(spec, text, signal)))
          : await deps.embedder.embedDocuments(spec, texts, signal);
      return { vectors: embedded, tokens: counts.reduce((sum, n) => sum + n, 0) };
    }, signal);
    c.get('outcome').promptTokens = tokens;
    return c.json({
      object: 'list',
      data: vectors.map((vector, index) => ({
        object: 'embedding',
        index,
        embedding: body.encoding_format === 'base64' ? Buffer.from(vector.buffer).toString('base64') : [...vector],
      })),
      model: record.id,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  });

  return app;
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HearthError('VALIDATION', 'The request body is not valid JSON.');
  }
}

/** A model by id, name or file name, of the role the endpoint needs (see `ModelLibrary.find`). */
function findModel(models: ModelsService, wanted: string, role: 'chat' | 'embedding'): ModelRecord {
  return models.find(wanted, { role, listedBy: 'GET /v1/models' });
}

/** The request's messages as the turns before the question, and the question (the last message, a user's). */
function splitMessages(body: ChatCompletionRequest): Pick<AnswerTurn, 'earlier' | 'question'> {
  const last = body.messages.at(-1);
  if (last?.role !== 'user') throw new HearthError('VALIDATION', 'The last message must be from the user.');
  const earlier: ChatHistoryItem[] = body.messages.slice(0, -1).map((message) => {
    const text = message.content ?? '';
    if (message.role === 'user') return { type: 'user', text };
    if (message.role === 'assistant') return { type: 'model', response: [text] };
    return { type: 'system', text };
  });
  return { earlier, question: last.content ?? '' };
}

function finishReason(result: TurnResult): 'stop' | 'length' {
  return result.stopReason === 'maxTokens' ? 'length' : 'stop';
}

function usage(result: TurnResult) {
  return {
    prompt_tokens: result.stats.promptTokens,
    completion_tokens: result.stats.generatedTokens,
    total_tokens: result.stats.promptTokens + result.stats.generatedTokens,
  };
}
