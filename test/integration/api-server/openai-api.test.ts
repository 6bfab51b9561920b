import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/services';
import { promptOf } from '../../../electron/services/chat/chat-store';
import { fixtureModel } from '../../../native-models/fixtures/generate';
import { startServices } from '../../helpers/services';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();
let services: Services;
let client: OpenAI;
let base: string;
let port: number;
let key: string;
let chatModel: string;
let embeddingModel: string;

beforeAll(async () => {
  const root = tempDir();
  const notes = join(root, 'notes');
  mkdirSync(notes);
  writeFileSync(
    join(notes, 'lamp.md'),
    '# The lamp\n\nThe lighthouse lamp burns paraffin and turns every ten seconds.\n',
  );
  writeFileSync(join(notes, 'stairs.md'), '# The stairs\n\nThere are 217 stairs up to the lantern room.\n');
  services = startServices(join(root, 'data'), { apiServer: false }).services;
  chatModel = (await services.models.import(fixtureModel('tiny-chat'), 'reference')).id;
  embeddingModel = (await services.models.import(fixtureModel('tiny-embedding'), 'reference')).id;
  const collection = services.library.createCollection('Notes');
  services.library.addFolder(collection.id, notes);
  await services.library.index(collection.id);
  const state = await services.api.start(0);
  expect(state.running).toBe(true);
  port = state.port;
  base = state.url!;
  key = services.apiKeys.get();
  client = new OpenAI({ apiKey: key, baseURL: base, maxRetries: 0 });
});

afterAll(async () => {
  await services?.dispose();
});

/**
 * A raw HTTP request, with any Host header (fetch cannot set one). The body goes out in pieces,
 * and stops when the server has answered (a server refusing a large body answers before reading it).
 */
function raw(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${key}`, ...options.headers },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const body = options.body === undefined ? Buffer.alloc(0) : Buffer.from(options.body);
    const piece = 64 * 1024;
    const write = (offset: number) => {
      if (answered || offset >= body.length) return void req.end();
      req.write(body.subarray(offset, offset + piece), () => setImmediate(() => write(offset + piece)));
    };
    write(0);
  });
}

const greedy = { temperature: 0, seed: 1 } as const;

describe('the local API through the official openai client', () => {
  it('lists the installed models', async () => {
    const models = await client.models.list();
    const ids = models.data.map((model) => model.id);
    expect(ids).toContain(chatModel);
    expect(ids).toContain(embeddingModel);
  });

  it('completes a chat, plainly and streamed, with the same greedy answer and usage counts', async () => {
    const messages = [{ role: 'user' as const, content: 'Say something about the sea.' }];
    const plain = await client.chat.completions.create({ model: chatModel, messages, max_tokens: 24, ...greedy });
    const text = plain.choices[0]!.message.content!;
    expect(text.length).toBeGreaterThan(0);
    expect(plain.usage!.completion_tokens).toBeGreaterThan(0);
    expect(plain.usage!.completion_tokens).toBeLessThanOrEqual(24);
    expect(plain.usage!.prompt_tokens).toBeGreaterThan(5);
    expect(['stop', 'length']).toContain(plain.choices[0]!.finish_reason);

    const stream = await client.chat.completions.create({
      model: 'tiny-chat', // by name works too
      messages,
      max_tokens: 24,
      stream: true,
      stream_options: { include_usage: true },
      ...greedy,
    });
    let streamed = '';
    let chunks = 0;
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      chunks++;
      streamed += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(streamed).toBe(text);
    expect(usage?.completion_tokens).toBe(plain.usage!.completion_tokens);
  });

  it('stops at a stop string', async () => {
    const messages = [{ role: 'user' as const, content: 'Say something about the sea.' }];
    const full = await client.chat.completions.create({ model: chatModel, messages, max_tokens: 40, ...greedy });
    const text = full.choices[0]!.message.content!;
    const stop = text.slice(8, 11);
    const cut = await client.chat.completions.create({ model: chatModel, messages, max_tokens: 40, stop, ...greedy });
    expect(cut.choices[0]!.message.content!.length).toBeLessThan(text.indexOf(stop) + stop.length);
    expect(text.startsWith(cut.choices[0]!.message.content!)).toBe(true);
  });

  it('answers in the JSON a schema asks for', async () => {
    const result = await client.chat.completions.create({
      model: chatModel,
      messages: [{ role: 'user', content: 'Is the lamp lit?' }],
      max_tokens: 200,
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'lamp',
          schema: {
            type: 'object',
            properties: { lit: { type: 'boolean' }, colour: { enum: ['red', 'white', 'green'] } },
            required: ['lit', 'colour'],
          },
        },
      },
      ...greedy,
    });
    const parsed = JSON.parse(result.choices[0]!.message.content!) as { lit: unknown; colour: unknown };
    expect(typeof parsed.lit).toBe('boolean');
    expect(['red', 'white', 'green']).toContain(parsed.colour);
  });

  it('names the field a request got wrong, and refuses n > 1 instead of answering once', async () => {
    const messages = [{ role: 'user' as const, content: 'Hi' }];
    await expect(client.chat.completions.create({ model: chatModel, messages, temperature: 7 })).rejects.toMatchObject({
      status: 400,
      param: 'temperature',
    });
    await expect(client.chat.completions.create({ model: chatModel, messages, n: 2 })).rejects.toMatchObject({
      status: 400,
      param: 'n',
      message: expect.stringContaining('n must be 1'),
    });
    await expect(
      client.chat.completions.create({
        model: chatModel,
        messages: [{ role: 'user', content: 42 as unknown as string }],
      }),
    ).rejects.toMatchObject({ status: 400, param: 'messages.0.content' });
  });

  it('embeds texts with the embedding model, as floats and as base64', async () => {
    const floats = await client.embeddings.create({
      model: embeddingModel,
      input: ['lighthouse', 'stairs'],
      encoding_format: 'float',
    });
    expect(floats.data).toHaveLength(2);
    const vector = floats.data[0]!.embedding;
    expect(vector).toHaveLength(64);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 4);
    expect(floats.usage.prompt_tokens).toBeGreaterThan(0);
    // The client's default asks for base64 and decodes it: the same numbers must come back.
    await expect(client.embeddings.create({ model: chatModel, input: 'x' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('tiny-chat is a chat model, not an embedding model.'),
    });
    const decoded = await client.embeddings.create({ model: embeddingModel, input: ['lighthouse', 'stairs'] });
    decoded.data[0]!.embedding.forEach((value, i) => expect(value).toBeCloseTo(vector[i]!, 5));
  });

  it('answers from a collection with the hearth extension, citations beside the message', async () => {
    const messages = [{ role: 'user' as const, content: 'How many stairs lead to the lantern room?' }];
    const plain = await client.chat.completions.create({ model: chatModel, messages, max_tokens: 16, ...greedy });
    const grounded = (await client.chat.completions.create({
      model: chatModel,
      messages,
      max_tokens: 16,
      ...greedy,
      // @ts-expect-error: Hearth's extension, not in OpenAI's types.
      hearth: { collections: ['Notes'] },
    })) as unknown as OpenAI.ChatCompletion & {
      hearth: { citations: unknown[]; passages: Array<{ n: number; path: string; text: string }> };
    };
    // The passages went into the prompt, and the citations (none: this model never writes [n]) come back,
    // with the passages given, cited or not.
    expect(grounded.usage!.prompt_tokens).toBeGreaterThan(plain.usage!.prompt_tokens + 20);
    expect(grounded.hearth.citations).toEqual([]);
    expect(grounded.hearth.passages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ n: 1, path: 'stairs.md', text: expect.stringContaining('217 stairs') }),
      ]),
    );
    // One grounded-answer pipeline: the app's chat over the same collection (named here in
    // another case) gives the model the same passages under the same numbers, in the same prompt.
    const conversation = services.chat.create({
      collectionIds: [services.library.collectionNamed('notes').id],
      modelId: chatModel,
    });
    const inApp = await services.chat.send({ conversationId: conversation.id, content: messages[0]!.content });
    expect(inApp.trace!.passages.filter((passage) => passage.n !== null).map((p) => [p.n, p.relativePath])).toEqual(
      grounded.hearth.passages.map((p) => [p.n, p.path]),
    );
    const prompt = promptOf(services.store.hearth, inApp.parentId!);
    for (const passage of grounded.hearth.passages) {
      expect(prompt).toContain(`<source n="${passage.n}" file="${passage.path}"`);
      expect(prompt).toContain(passage.text);
    }
    await expect(
      client.chat.completions.create({
        model: chatModel,
        messages,
        // @ts-expect-error: as above.
        hearth: { collections: ['No such collection'] },
      }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('the local API under attack', () => {
  it('refuses a missing or wrong key', async () => {
    await expect(new OpenAI({ apiKey: 'wrong', baseURL: base, maxRetries: 0 }).models.list()).rejects.toMatchObject({
      status: 401,
    });
    const missing = await raw({ path: '/v1/models', headers: { Authorization: '' } });
    expect(missing.status).toBe(401);
    expect(missing.body).not.toContain(chatModel);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      'localhost.evil.example',
    ]) {
      const response = await raw({ path: '/v1/models', headers: { Host: host } });
      expect(response.status, host).toBe(403);
    }
    expect((await raw({ path: '/v1/models', headers: { Host: `localhost:${port}` } })).status).toBe(200);
  });

  it('gives no CORS grant to a foreign origin, and only to origins listed in Settings', async () => {
    const preflight = (origin: string) =>
      raw({
        method: 'OPTIONS',
        path: '/v1/chat/completions',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', Authorization: '' },
      });
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const listed = await raw({ path: '/v1/models', headers: { Origin: 'https://evil.example' } });
    expect(listed.headers['access-control-allow-origin']).toBeUndefined();

    services.settings.set({ apiAllowedOrigins: ['http://localhost:3000'] });
    const allowed = await preflight('http://localhost:3000');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
    services.settings.set({ apiAllowedOrigins: [] });
  });

  it('refuses an oversized body with 413, and unknown routes with 404', async () => {
    const big = JSON.stringify({
      model: chatModel,
      messages: [{ role: 'user', content: 'x'.repeat(2 * 1024 * 1024) }],
    });
    const response = await raw({
      method: 'POST',
      path: '/v1/chat/completions',
      headers: { 'Content-Type': 'application/json' },
      body: big,
    });
    expect(response.status).toBe(413);
    // Without a declared length too: the server counts while it reads.
    const chunked = await raw({
      method: 'POST',
      path: '/v1/chat/completions',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: big,
    });
    expect(chunked.status).toBe(413);
    expect((await raw({ path: '/v1/nothing' })).status).toBe(404);
    expect((await raw({ path: '/' })).status).toBe(404);
  });

  it('does nothing with path-traversal strings in any parameter', async () => {
    const traversal = ['../../../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', '%2e%2e%2fetc%2fpasswd'];
    for (const evil of traversal) {
      const paths = [`/v1/models/${evil}`, `/v1/${evil}`, `/${evil}`];
      for (const path of paths) {
        const response = await raw({ path: path.replaceAll('\\', '%5C') });
        expect(response.status, path).toBe(404);
        expect(response.body).not.toContain('root:');
      }
      const chat = await raw({
        method: 'POST',
        path: '/v1/chat/completions',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: evil, messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(chat.status).toBe(404);
      const embed = await raw({
        method: 'POST',
        path: '/v1/embeddings',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: evil, input: 'hi' }),
      });
      expect(embed.status).toBe(404);
      const collection = await raw({
        method: 'POST',
        path: '/v1/chat/completions',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          model: chatModel,
          messages: [{ role: 'user', content: 'hi' }],
          hearth: { collections: [evil] },
        }),
      });
      expect(collection.status).toBe(404);
      expect(collection.body).not.toContain('root:');
    }
    // Nothing was imported or indexed by any of it.
    expect(await services.models.list()).toHaveLength(2);
    expect(services.library.collections().map((c) => c.name)).toEqual(['Notes']);
  });

  it('answers a flood beyond its queue with 429 and Retry-After', async () => {
    const body = JSON.stringify({
      model: chatModel,
      messages: [{ role: 'user', content: 'Tell me a long story.' }],
      max_tokens: 400,
      temperature: 0.9,
    });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        raw({ method: 'POST', path: '/v1/chat/completions', headers: { 'Content-Type': 'application/json' }, body }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
    const refused = responses.filter((response) => response.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(5);
    for (const response of refused) expect(response.headers['retry-after']).toBe('5');
  });

  it('stops generating when the client disconnects', async () => {
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      {
        model: chatModel,
        messages: [{ role: 'user', content: 'Tell me everything you know.' }],
        max_tokens: 20_000,
        temperature: 0.9,
        seed: 3,
        stream: true,
      },
      { signal: controller.signal },
    );
    let chunks = 0;
    try {
      for await (const _chunk of stream) if (++chunks === 5) controller.abort();
    } catch {
      // The client reports its own abort; what matters is what the server did.
    }
    expect(chunks).toBe(5);
    // The request's log entry ends with 499 and far fewer tokens than asked for; the queue is free.
    await expect
      .poll(() => services.api.log.list().find((entry) => entry.status === 499), { timeout: 10_000 })
      .toBeTruthy();
    const entry = services.api.log.list().find((e) => e.status === 499)!;
    expect(entry.completionTokens).toBeLessThan(5_000);
    const next = await client.chat.completions.create({
      model: chatModel,
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 4,
    });
    expect(next.choices).toHaveLength(1);
    // The log never holds what was said.
    expect(JSON.stringify(services.api.log.list())).not.toContain('Tell me everything');
  });
});
