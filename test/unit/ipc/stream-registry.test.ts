import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ContractShape, StreamMessage } from '../../../electron/ipc/contract';
import { createDispatcher, type Handlers } from '../../../electron/ipc/dispatch';
import { StreamRegistry } from '../../../electron/ipc/stream-registry';

const testContract = {
  invoke: {},
  stream: {
    'wait.abort': { input: z.undefined(), event: z.number(), done: z.string() },
  },
  event: {},
} as const satisfies ContractShape;

/** A stream that runs until it is aborted. */
const handlers: Handlers<typeof testContract> = {
  invoke: {},
  stream: {
    'wait.abort': (_input, { emit, signal }) =>
      new Promise((_resolve, reject) => {
        emit(1);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
  },
};

function registry() {
  const sent: StreamMessage[] = [];
  const streams = new StreamRegistry(createDispatcher(testContract, handlers), (message) => sent.push(message));
  /** The `nth` end message for `id` (1-based), once it arrives. */
  const endOf = async (id: string, nth = 1) => {
    const ends = () => sent.filter((m) => m.id === id && m.type === 'end');
    await expect.poll(() => ends().length).toBeGreaterThanOrEqual(nth);
    return ends()[nth - 1] as Extract<StreamMessage, { type: 'end' }>;
  };
  return { streams, sent, endOf };
}

describe('StreamRegistry', () => {
  it('refuses a reused id and keeps the first stream abortable', async () => {
    const { streams, sent, endOf } = registry();
    streams.start('s1', 'wait.abort', undefined);
    streams.start('s1', 'wait.abort', undefined);
    const refused = sent.find((m) => m.type === 'end')!;
    expect(refused).toMatchObject({ id: 's1', result: { ok: false, error: { code: 'VALIDATION' } } });
    expect(streams.size).toBe(1);

    streams.abort('s1');
    const ended = await endOf('s1', 2);
    expect(ended.result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(streams.size).toBe(0);
  });

  it('aborts everything still running when the connection goes away', async () => {
    const { streams, endOf } = registry();
    streams.start('a', 'wait.abort', undefined);
    streams.start('b', 'wait.abort', undefined);
    streams.abortAll();
    expect((await endOf('a')).result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect((await endOf('b')).result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });
});
