import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { WIRE } from '../../../electron/ipc/contract';
import type { Dispatcher } from '../../../electron/ipc/dispatch';

const handles = new Map<string, (...args: unknown[]) => unknown>();
const listeners = new Map<string, (...args: unknown[]) => unknown>();
const windows = new Set<unknown>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (...args: unknown[]) => unknown) => handles.set(channel, fn),
    on: (channel: string, fn: (...args: unknown[]) => unknown) => listeners.set(channel, fn),
  },
  BrowserWindow: {
    fromWebContents: (contents: unknown) => (windows.has(contents) ? {} : null),
    getAllWindows: () => [],
  },
}));
const { registerIpcServer } = await import('../../../electron/main/ipc-server');

function fakeContents(url: string) {
  const mainFrame = { url };
  const sent: unknown[][] = [];
  const contents = Object.assign(new EventEmitter(), {
    mainFrame,
    sent,
    isDestroyed: () => false,
    send: (...args: unknown[]) => sent.push(args),
  });
  windows.add(contents);
  return contents;
}

describe('registerIpcServer', () => {
  const dispatcher: Dispatcher = {
    invoke: vi.fn(async () => ({ ok: true as const, value: 'served' })),
    stream: vi.fn(async (_channel, _input, call) => {
      call.onEvent(1);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return call.signal.aborted
        ? { ok: false as const, error: { code: 'CANCELLED' as const, message: 'x' } }
        : { ok: true as const, value: 'done' };
    }),
  };

  beforeEach(() => {
    handles.clear();
    listeners.clear();
    windows.clear();
    vi.clearAllMocks();
    registerIpcServer({ dispatcher, isTrustedUrl: (url) => url.startsWith('app://hearth/') });
  });

  it('serves the main frame of an app window', async () => {
    const contents = fakeContents('app://hearth/index.html');
    const result = await handles.get(WIRE.invoke)!({ sender: contents, senderFrame: contents.mainFrame }, 'app.info');
    expect(result).toEqual({ ok: true, value: 'served' });
  });

  it.each([
    ['a page that is not the app', 'https://evil.example/'],
    ['a file page', 'file:///tmp/x.html'],
  ])('refuses %s with FORBIDDEN', async (_label, url) => {
    const contents = fakeContents(url);
    const result = await handles.get(WIRE.invoke)!({ sender: contents, senderFrame: contents.mainFrame }, 'app.info');
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatcher.invoke).not.toHaveBeenCalled();
  });

  it('refuses a subframe, even one showing the app', async () => {
    const contents = fakeContents('app://hearth/index.html');
    const subframe = { url: 'app://hearth/index.html' };
    const result = await handles.get(WIRE.invoke)!({ sender: contents, senderFrame: subframe }, 'app.info');
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses web contents that belong to no app window', async () => {
    const contents = fakeContents('app://hearth/index.html');
    windows.delete(contents);
    const result = await handles.get(WIRE.invoke)!({ sender: contents, senderFrame: contents.mainFrame }, 'app.info');
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('streams events then the end, keyed by the caller id', async () => {
    const contents = fakeContents('app://hearth/index.html');
    listeners.get(WIRE.streamStart)!({ sender: contents, senderFrame: contents.mainFrame }, 's1', 'x.y', {});
    await vi.waitFor(() => expect(contents.sent).toHaveLength(2));
    expect(contents.sent).toEqual([
      [WIRE.streamMessage, { id: 's1', type: 'event', data: 1 }],
      [WIRE.streamMessage, { id: 's1', type: 'end', result: { ok: true, value: 'done' } }],
    ]);
  });

  it('aborts a stream when its window is destroyed', async () => {
    const contents = fakeContents('app://hearth/index.html');
    listeners.get(WIRE.streamStart)!({ sender: contents, senderFrame: contents.mainFrame }, 's2', 'x.y', {});
    contents.emit('destroyed');
    await vi.waitFor(() => expect(contents.sent).toHaveLength(2));
    expect(contents.sent[1]).toEqual([
      WIRE.streamMessage,
      { id: 's2', type: 'end', result: { ok: false, error: { code: 'CANCELLED', message: 'x' } } },
    ]);
  });
});
