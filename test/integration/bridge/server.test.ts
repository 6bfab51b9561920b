import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { z } from 'zod';
import type { ContractShape } from '../../../electron/ipc/contract';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { BRIDGE_PATH, type ClientMessage, type ServerMessage } from '../../bridge/protocol';
import { startTestBridge, type TestBridge } from '../../bridge/server';
import { useTempDir } from '../../helpers/temp-dir';
import { DEFAULT_SETTINGS } from '../../../electron/services/settings/settings-service';

const tempDir = useTempDir();
let bridge: TestBridge | undefined;

afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

async function start(options: Partial<Parameters<typeof startTestBridge>[0]> = {}): Promise<TestBridge> {
  bridge = await startTestBridge({ dataDir: tempDir(), rendererDir: tempDir(), shimFile: '/nonexistent', ...options });
  return bridge;
}

/** A raw WebSocket client speaking the bridge protocol, as the browser shim does. */
async function connect(target: TestBridge, headers: Record<string, string> = {}, token = target.token) {
  const socket = new WebSocket(`${target.origin.replace('http', 'ws')}${BRIDGE_PATH}?token=${token}`, {
    headers: { origin: target.origin, ...headers },
  });
  const inbox: ServerMessage[] = [];
  const waiters: Array<() => void> = [];
  socket.on('message', (data) => {
    inbox.push(JSON.parse(String(data)) as ServerMessage);
    waiters.splice(0).forEach((wake) => wake());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const next = async (match: (message: ServerMessage) => boolean): Promise<ServerMessage> => {
    for (;;) {
      const found = inbox.findIndex(match);
      if (found >= 0) return inbox.splice(found, 1)[0]!;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  let id = 0;
  return {
    socket,
    next,
    sendRaw: (text: string) => socket.send(text),
    send: (message: ClientMessage) => socket.send(JSON.stringify(message)),
    async invoke(channel: string, input?: unknown) {
      const callId = id++;
      socket.send(JSON.stringify({ type: 'invoke', id: callId, channel, input }));
      const reply = await next((m) => m.type === 'invoke-result' && m.id === callId);
      return reply.type === 'invoke-result' ? reply.result : undefined;
    },
  };
}

describe('test bridge', () => {
  it('serves the real handler map over real services', async () => {
    const client = await connect(await start());
    expect(await client.invoke('settings.get')).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, theme: 'system' },
    });
    expect(await client.invoke('settings.set', { theme: 'dark' })).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, theme: 'dark' },
    });
  });

  it('reports absolute paths that error messages sent to the page without the page giving them', async () => {
    const client = await connect(await start());
    const given = `${tempDir()}/missing.gguf`;
    expect(await client.invoke('models.inspect', { path: given })).toMatchObject({ ok: false });
    expect(bridge!.leakedPaths()).toEqual([]);
    await bridge!.close();

    // A service that names a path of its own: what the harness fails an e2e test on.
    const leaking = await start({
      dispatcher: () => ({
        invoke: async () => ({
          ok: false,
          error: { code: 'INTERNAL', message: 'Could not write /var/hearth/x.part.' },
        }),
        stream: async () => ({ ok: false, error: { code: 'INTERNAL', message: 'unused' } }),
      }),
    });
    await (await connect(leaking)).invoke('settings.get');
    expect(leaking.leakedPaths()).toEqual(['/var/hearth/x.part']);
  });

  it('refuses a wrong-typed payload with VALIDATION and keeps serving', async () => {
    const client = await connect(await start());
    const refused = await client.invoke('settings.set', { theme: 42 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await client.invoke('settings.set', { colour: 'red' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await client.invoke('settings.get')).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, theme: 'system' },
    });
  });

  it('refuses an unknown channel with UNKNOWN_CHANNEL and keeps serving', async () => {
    const client = await connect(await start());
    expect(await client.invoke('fs.readFile', '/etc/passwd')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await client.invoke('__proto__')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect((await client.invoke('app.info'))?.ok).toBe(true);
  });

  it('answers malformed messages with a protocol error and keeps serving', async () => {
    const client = await connect(await start());
    client.sendRaw('{not json');
    expect(await client.next((m) => m.type === 'protocol-error')).toMatchObject({ message: 'Messages must be JSON.' });
    client.sendRaw('null');
    expect((await client.next((m) => m.type === 'protocol-error')).type).toBe('protocol-error');
    expect((await client.invoke('settings.get'))?.ok).toBe(true);
  });

  it('broadcasts events to every connected client', async () => {
    const target = await start();
    const [writer, watcher] = [await connect(target), await connect(target)];
    await writer.invoke('settings.set', { theme: 'light' });
    expect(await watcher.next((m) => m.type === 'event')).toEqual({
      type: 'event',
      channel: 'settings.changed',
      payload: { ...DEFAULT_SETTINGS, theme: 'light' },
    });
  });

  it.each([
    ['a wrong token', { token: 'f'.repeat(48) }],
    ['a foreign Host header (DNS rebinding)', { headers: { host: 'evil.example:80' } }],
    ['a foreign Origin (another web page)', { headers: { origin: 'https://evil.example' } }],
  ])('refuses a connection with %s', async (_label, variant: { token?: string; headers?: Record<string, string> }) => {
    const target = await start();
    await expect(connect(target, variant.headers ?? {}, variant.token)).rejects.toThrow(/403/);
  });

  it('runs streams, and an abort ends them with CANCELLED', async () => {
    const streamContract = {
      invoke: {},
      stream: { tick: { input: z.object({ n: z.number() }), event: z.number(), done: z.literal('finished') } },
      event: {},
    } as const satisfies ContractShape;
    const target = await start({
      dispatcher: () =>
        createDispatcher(streamContract, {
          invoke: {},
          stream: {
            tick: async ({ n }, { emit, signal }) => {
              for (let i = 0; i < n; i++) {
                signal.throwIfAborted();
                emit(i);
                await new Promise((resolve) => setTimeout(resolve, 5));
              }
              return 'finished' as const;
            },
          },
        }),
    });
    const client = await connect(target);
    client.send({ type: 'stream-start', id: 'a', channel: 'tick', input: { n: 3 } });
    const end = await client.next((m) => m.type === 'stream' && m.message.id === 'a' && m.message.type === 'end');
    expect(end).toMatchObject({ message: { result: { ok: true, value: 'finished' } } });

    client.send({ type: 'stream-start', id: 'b', channel: 'tick', input: { n: 100_000 } });
    await client.next((m) => m.type === 'stream' && m.message.id === 'b' && m.message.type === 'event');
    client.send({ type: 'stream-abort', id: 'b' });
    const cancelled = await client.next((m) => m.type === 'stream' && m.message.id === 'b' && m.message.type === 'end');
    expect(cancelled).toMatchObject({ message: { result: { ok: false, error: { code: 'CANCELLED' } } } });
  });

  it('reports an indexing run through library.changed alone: the stream sends only its report', async () => {
    const folder = tempDir();
    for (let i = 0; i < 3; i++)
      writeFileSync(join(folder, `note-${i}.md`), `# Note ${i}\n\nAbout archives, part ${i}.\n`);
    const client = await connect(await start());
    const created = await client.invoke('library.createCollection', { name: 'Notes' });
    const collectionId = (created as { value: { id: number } }).value.id;
    expect(await client.invoke('library.addFolder', { collectionId, path: folder })).toMatchObject({ ok: true });
    client.send({ type: 'stream-start', id: 'run', channel: 'library.index', input: { collectionId } });
    const end = await client.next((m) => m.type === 'stream' && m.message.id === 'run' && m.message.type === 'end');
    expect(end).toMatchObject({ message: { result: { ok: true, value: { indexed: 3 } } } });
    // Nothing else arrived on the stream, and the run's progress came as broadcasts.
    await expect(
      Promise.race([
        client.next((m) => m.type === 'stream' && m.message.id === 'run'),
        new Promise((resolve) => setTimeout(() => resolve('none'), 200)),
      ]),
    ).resolves.toBe('none');
    const running = await client.next(
      (m) =>
        m.type === 'event' && m.channel === 'library.changed' && JSON.stringify(m.payload).includes('"indexing":true'),
    );
    expect(running).toMatchObject({ payload: [{ id: collectionId, indexing: true }] });
  });
});
