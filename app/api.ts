import type { ErrorCode } from '../electron/ipc/errors';
import type {
  EventChannel,
  EventPayload,
  HearthBridge,
  InvokeChannel,
  InvokeInput,
  InvokeOutput,
  Result,
  StreamChannel,
  StreamDone,
  StreamEvent,
  StreamHandle,
  StreamInput,
} from '../electron/ipc/contract';

declare global {
  interface Window {
    /** Set by the preload (Electron) or the test bridge shim (browser e2e). */
    hearth?: HearthBridge;
  }
}

/**
 * The only door from the renderer to main. Everything else in `app/` calls these functions, so
 * the transport (Electron IPC or the test bridge) is invisible to screens and hooks.
 */
function bridge(): HearthBridge {
  if (!window.hearth) {
    throw new Error('window.hearth is missing: the renderer was opened outside Hearth.');
  }
  return window.hearth;
}

export function invoke<C extends InvokeChannel>(
  channel: C,
  ...input: undefined extends InvokeInput<C> ? [InvokeInput<C>?] : [InvokeInput<C>]
): Promise<Result<InvokeOutput<C>>> {
  return bridge().invoke(channel, ...input);
}

/** Like `invoke`, but throws the error data so callers inside React Query-like flows can catch it. */
export async function invokeOrThrow<C extends InvokeChannel>(
  channel: C,
  ...input: undefined extends InvokeInput<C> ? [InvokeInput<C>?] : [InvokeInput<C>]
): Promise<InvokeOutput<C>> {
  const result = await invoke(channel, ...input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value;
}

/** Starts a stream; events arrive through `onEvent`, the outcome through `result`. */
export function stream<C extends StreamChannel>(
  channel: C,
  input: StreamInput<C>,
  onEvent: (event: StreamEvent<C>) => void,
): StreamHandle<StreamDone<C>> {
  return bridge().stream(channel, input, onEvent);
}

export function on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void {
  return bridge().on(channel, listener);
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
