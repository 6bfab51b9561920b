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

/** The real contract has no stream channel yet; these tests reach the generic path through a cast. */
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
});
