import type { z } from 'zod';
import type { ContractShape, Result } from './contract';
import { HearthError, toErrorData, type HearthErrorData } from './errors';

/** What a stream handler gets besides its input. */
export interface StreamContext<E> {
  /** Aborted when the caller cancels or goes away; long work must stop promptly. */
  signal: AbortSignal;
  emit(event: E): void;
}

/** One function per channel of contract `K`; each is a single line into a service. */
export interface Handlers<K extends ContractShape> {
  invoke: {
    [C in keyof K['invoke']]: (input: z.output<K['invoke'][C]['input']>) => unknown;
  };
  stream: {
    [C in keyof K['stream']]: (
      input: z.output<K['stream'][C]['input']>,
      context: StreamContext<z.output<K['stream'][C]['event']>>,
    ) => Promise<z.output<K['stream'][C]['done']>>;
  };
}

export interface DispatcherOptions {
  /**
   * Also check what handlers return against the contract. Costs a parse per call, so it is meant
   * for tests and the test bridge, where a drifting service should fail loudly. Defaults to `false`.
   */
  validateOutput?: boolean;
}

export interface StreamCall {
  signal: AbortSignal;
  onEvent(event: unknown): void;
}

/**
 * The transport-independent core of every IPC server: finds the channel, validates the input,
 * runs the handler and turns whatever happens into a `Result`. It never throws, so one bad call
 * cannot take a transport down.
 */
export interface Dispatcher {
  invoke(channel: unknown, input: unknown): Promise<Result<unknown>>;
  stream(channel: unknown, input: unknown, call: StreamCall): Promise<Result<unknown>>;
}

export function createDispatcher<K extends ContractShape>(
  contract: K,
  handlers: Handlers<K>,
  options: DispatcherOptions = {},
): Dispatcher {
  const checkOutput = (schema: z.ZodType, value: unknown, channel: string): unknown => {
    if (!options.validateOutput) return value;
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw new Error(`handler for "${channel}" returned data outside the contract: ${parsed.error.message}`);
    }
    return parsed.data;
  };

  return {
    async invoke(channel, input) {
      try {
        const name = requireChannel(contract.invoke, channel);
        const spec = contract.invoke[name]!;
        const value = await (handlers.invoke[name] as (input: unknown) => unknown)(parseInput(spec.input, input, name));
        return { ok: true, value: checkOutput(spec.output, value, name) };
      } catch (error) {
        return { ok: false, error: failure(channel, error) };
      }
    },

    async stream(channel, input, call) {
      try {
        const name = requireChannel(contract.stream, channel);
        const spec = contract.stream[name]!;
        const handler = handlers.stream[name] as (input: unknown, context: StreamContext<unknown>) => Promise<unknown>;
        const parsed = parseInput(spec.input, input, name);
        call.signal.throwIfAborted();
        const value = await handler(parsed, {
          signal: call.signal,
          emit(event) {
            if (call.signal.aborted) return;
            call.onEvent(checkOutput(spec.event, event, name));
          },
        });
        call.signal.throwIfAborted();
        return { ok: true, value: checkOutput(spec.done, value, name) };
      } catch (error) {
        if (call.signal.aborted)
          return { ok: false, error: { code: 'CANCELLED', message: 'The operation was cancelled.' } };
        return { ok: false, error: failure(channel, error) };
      }
    },
  };
}

function requireChannel<T extends object>(channels: T, channel: unknown): keyof T & string {
  // Object.hasOwn, not `in`: "__proto__" or "toString" must not reach a handler lookup.
  if (typeof channel !== 'string' || !Object.hasOwn(channels, channel)) {
    throw new HearthError('UNKNOWN_CHANNEL', `No such channel: ${JSON.stringify(channel)}.`);
  }
  return channel as keyof T & string;
}

function parseInput(schema: z.ZodType, input: unknown, channel: string): unknown {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new HearthError('VALIDATION', `Invalid input for "${channel}": ${summarise(parsed.error)}`, {
    issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
  });
}

function summarise(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** The boundary-safe error; anything but a HearthError is logged here, in main, with its details. */
function failure(channel: unknown, error: unknown): HearthErrorData {
  if (!(error instanceof HearthError)) console.error(`[hearth] ${String(channel)} failed:`, error);
  return toErrorData(error);
}
