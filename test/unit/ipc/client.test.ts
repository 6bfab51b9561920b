import { describe, expect, it, vi } from 'vitest';
import { createBridgeClient, type ClientTransport } from '../../../electron/ipc/client';
import type { HearthBridge } from '../../../electron/ipc/contract';

function fakeTransport(): ClientTransport & { started: string[]; aborted: string[] } {
  const started: string[] = [];
  const aborted: string[] = [];
  return {
    started,
    aborted,
    invoke: vi.fn(async () => ({ ok: true as const, value: { theme: 'dark' } })),
    startStream: (id) => started.push(id),
    abortStream: (id) => aborted.push(id),
  };
}

/** Reaches the generic path with a name outside the contract, which the types would refuse. */
type Loose = {
  stream(channel: string, input: unknown, onEvent: (e: unknown) => void): ReturnType<HearthBridge['stream']>;
};

describe('createBridgeClient', () => {
  it('forwards contract channels to the transport', async () => {
    const transport = fakeTransport();
    const { bridge } = createBridgeClient(transport);
    expect(await bridge.invoke('settings.get')).toEqual({ ok: true, value: { theme: 'dark' } });
    expect(transport.invoke).toHaveBeenCalledWith('settings.get', undefined);
  });

  it('refuses a channel outside the contract without sending anything', async () => {
    const transport = fakeTransport();
    const { bridge } = createBridgeClient(transport);
    const result = await (bridge.invoke as (c: string) => Promise<unknown>)('fs.readFile');
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(transport.invoke).not.toHaveBeenCalled();
  });

  it('turns a transport failure into an INTERNAL result', async () => {
    const transport = fakeTransport();
    transport.invoke = async () => {
      throw new Error('socket closed');
    };
    const { bridge } = createBridgeClient(transport);
    expect(await bridge.invoke('app.info')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('routes broadcast events to listeners until they unsubscribe', () => {
    const client = createBridgeClient(fakeTransport());
    const seen: unknown[] = [];
    const stop = client.bridge.on('settings.changed', (payload) => seen.push(payload));
    client.receiveEvent('settings.changed', { theme: 'light' });
    stop();
    client.receiveEvent('settings.changed', { theme: 'dark' });
    expect(seen).toEqual([{ theme: 'light' }]);
  });

  it('refuses to listen to an undeclared event', () => {
    const client = createBridgeClient(fakeTransport());
    expect(() => (client.bridge.on as (c: string, l: () => void) => void)('made.up', () => {})).toThrow(
      /No such event/,
    );
  });

  it('refuses an undeclared stream channel', async () => {
    const transport = fakeTransport();
    const { bridge } = createBridgeClient(transport);
    const handle = (bridge as unknown as Loose).stream('made.up', {}, () => {});
    expect(await handle.result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(transport.started).toEqual([]);
  });

  describe('streams', () => {
    const request = { id: 'model-1', promptTokens: 32, generateTokens: 8 };

    it('starts with a fresh id, delivers events in order, and settles once with the end message', async () => {
      const transport = fakeTransport();
      const client = createBridgeClient(transport);
      const events: unknown[] = [];
      const first = client.bridge.stream('models.benchmark', request, (event) => events.push(event));
      const second = client.bridge.stream('models.benchmark', request, () => {});
      expect(transport.started).toHaveLength(2);
      const [id, otherId] = transport.started as [string, string];
      expect(id).not.toBe(otherId);

      client.receiveStreamMessage({ id, type: 'event', data: { threads: 1, step: 'prompt', done: 0 } });
      client.receiveStreamMessage({ id, type: 'event', data: { threads: 1, step: 'generate', done: 1 } });
      client.receiveStreamMessage({ id, type: 'end', result: { ok: true, value: 'done' } });
      // Anything after the end is for a stream that no longer exists: dropped, not delivered.
      client.receiveStreamMessage({ id, type: 'event', data: 'late' });
      client.receiveStreamMessage({ id, type: 'end', result: { ok: true, value: 'again' } });

      expect(events).toEqual([
        { threads: 1, step: 'prompt', done: 0 },
        { threads: 1, step: 'generate', done: 1 },
      ]);
      expect(await first.result).toEqual({ ok: true, value: 'done' });
      // The other stream is untouched by messages for the first.
      client.receiveStreamMessage({
        id: otherId,
        type: 'end',
        result: { ok: false, error: { code: 'CANCELLED', message: 'x' } },
      });
      expect(await second.result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    });

    it('abort asks the transport to stop that stream, and only while it runs', async () => {
      const transport = fakeTransport();
      const client = createBridgeClient(transport);
      const handle = client.bridge.stream('models.benchmark', request, () => {});
      const [id] = transport.started as [string];
      handle.abort();
      expect(transport.aborted).toEqual([id]);
      client.receiveStreamMessage({
        id,
        type: 'end',
        result: { ok: false, error: { code: 'CANCELLED', message: 'x' } },
      });
      await handle.result;
      handle.abort();
      expect(transport.aborted).toEqual([id]);
    });

    it('settles with INTERNAL when the transport cannot start the stream', async () => {
      const transport = fakeTransport();
      transport.startStream = () => {
        throw new Error('port closed');
      };
      const handle = createBridgeClient(transport).bridge.stream('models.benchmark', request, () => {});
      expect(await handle.result).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL', message: 'The connection to Hearth failed: port closed' },
      });
    });
  });
});
