import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ContractShape } from '../../../electron/ipc/contract';
import { createDispatcher, type Handlers } from '../../../electron/ipc/dispatch';
import { HearthError, toErrorData } from '../../../electron/ipc/errors';

const testContract = {
  invoke: {
    'math.double': { input: z.object({ n: z.number() }), output: z.number() },
    'math.fail': { input: z.undefined(), output: z.number() },
    'math.crash': { input: z.undefined(), output: z.number() },
    'math.drift': { input: z.undefined(), output: z.number() },
  },
  stream: {
    'count.up': { input: z.object({ to: z.number().int() }), event: z.number(), done: z.string() },
  },
  event: {},
} as const satisfies ContractShape;

const handlers: Handlers<typeof testContract> = {
  invoke: {
    'math.double': ({ n }) => n * 2,
    'math.fail': () => {
      throw new HearthError('MODEL_NOT_FOUND', 'No such model.', { id: 'x' });
    },
    'math.crash': () => {
      throw new TypeError('boom');
    },
    'math.drift': () => 'not a number',
  },
  stream: {
    'count.up': async ({ to }, { emit, signal }) => {
      for (let i = 1; i <= to; i++) {
        signal.throwIfAborted();
        emit(i);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return `counted to ${to}`;
    },
  },
};

const dispatcher = createDispatcher(testContract, handlers, { validateOutput: true });

describe('invoke', () => {
  it('runs the handler with the parsed input', async () => {
    expect(await dispatcher.invoke('math.double', { n: 21 })).toEqual({ ok: true, value: 42 });
  });

  it('refuses wrong-typed input with VALIDATION and the failing path', async () => {
    const result = await dispatcher.invoke('math.double', { n: 'twenty' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toContain('n:');
    expect(result.error.details).toMatchObject({ issues: [{ path: ['n'] }] });
  });

  it.each(['nope', '__proto__', 'toString', 42, null])('refuses unknown channel %s', async (channel) => {
    const result = await dispatcher.invoke(channel, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('passes a HearthError code and details through', async () => {
    expect(await dispatcher.invoke('math.fail', undefined)).toEqual({
      ok: false,
      error: { code: 'MODEL_NOT_FOUND', message: 'No such model.', details: { id: 'x' } },
    });
  });

  it('reports unexpected throws as INTERNAL without a stack', async () => {
    const result = await dispatcher.invoke('math.crash', undefined);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: "Something went wrong inside Hearth (TypeError). The details are in Hearth's log.",
        key: 'system.internal',
        params: { kind: 'TypeError' },
      },
    });
  });

  it('catches a handler returning data outside the contract', async () => {
    const result = await dispatcher.invoke('math.drift', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('stream', () => {
  it('delivers every event, then the done value', async () => {
    const events: unknown[] = [];
    const result = await dispatcher.stream(
      'count.up',
      { to: 3 },
      {
        signal: new AbortController().signal,
        onEvent: (event) => events.push(event),
      },
    );
    expect(events).toEqual([1, 2, 3]);
    expect(result).toEqual({ ok: true, value: 'counted to 3' });
  });

  it('ends with CANCELLED when aborted mid-way and emits nothing after', async () => {
    const controller = new AbortController();
    const events: unknown[] = [];
    const pending = dispatcher.stream(
      'count.up',
      { to: 1000 },
      {
        signal: controller.signal,
        onEvent: (event) => {
          events.push(event);
          if (events.length === 2) controller.abort();
        },
      },
    );
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(events).toEqual([1, 2]);
  });

  it('validates stream input', async () => {
    const result = await dispatcher.stream(
      'count.up',
      { to: 1.5 },
      {
        signal: new AbortController().signal,
        onEvent: () => {},
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('errors crossing the boundary name no paths', () => {
  const nodeError = (code: string) =>
    Object.assign(
      new Error(`${code}: copyfile '/home/someone/models/x.gguf' -> '/home/someone/.config/hearth/models/x.gguf'`),
      {
        code,
        path: '/home/someone/models/x.gguf',
      },
    );

  it.each([
    ['ENOSPC', 'INSUFFICIENT_SPACE'],
    ['EACCES', 'PERMISSION_DENIED'],
    ['EPERM', 'PERMISSION_DENIED'],
    ['EROFS', 'PERMISSION_DENIED'],
    ['ENOENT', 'NOT_FOUND'],
  ])('%s becomes %s with a plain message', (code, expected) => {
    const data = toErrorData(nodeError(code));
    expect(data.code).toBe(expected);
    expect(JSON.stringify(data)).not.toMatch(/\/home\/someone/);
  });

  it('a zod dump becomes a one-line VALIDATION message', () => {
    const parsed = z.object({ path: z.string() }).safeParse({ path: 42 });
    const data = toErrorData(parsed.error);
    expect(data.code).toBe('VALIDATION');
    expect(data.message).not.toContain('\n');
  });

  it('anything else is INTERNAL without its message', () => {
    const data = toErrorData(new Error("open '/home/someone/secret.pdf' failed"));
    expect(data).toMatchObject({ code: 'INTERNAL' });
    expect(data.message).not.toContain('/home/someone');
  });
});
