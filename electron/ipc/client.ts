import {
  isEventChannel,
  isInvokeChannel,
  isStreamChannel,
  type HearthBridge,
  type Result,
  type StreamMessage,
} from './contract';

/** The few primitives a transport must offer; everything else about `window.hearth` is shared. */
export interface ClientTransport {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  startStream(id: string, channel: string, input: unknown): void;
  abortStream(id: string): void;
}

export interface BridgeClient {
  /** What the preload (or the test shim) exposes as `window.hearth`. */
  bridge: HearthBridge;
  /** Feed every stream message the transport receives. */
  receiveStreamMessage(message: StreamMessage): void;
  /** Feed every broadcast event the transport receives. */
  receiveEvent(channel: string, payload: unknown): void;
}

const unknownChannel = (channel: unknown): Result<never> => ({
  ok: false,
  error: { code: 'UNKNOWN_CHANNEL', message: `No such channel: ${JSON.stringify(channel)}.` },
});

/**
 * Builds `window.hearth` over a transport. Names outside the contract are refused here, before
 * anything is sent, and transport failures come back as `INTERNAL` results rather than throws, so
 * renderer code only ever handles `Result`s.
 */
export function createBridgeClient(transport: ClientTransport): BridgeClient {
  const streams = new Map<string, { onEvent(data: unknown): void; settle(result: Result<unknown>): void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 0;
  const prefix = Math.random().toString(36).slice(2);

  const bridge = {
    invoke(channel: string, input?: unknown) {
      if (!isInvokeChannel(channel)) return Promise.resolve(unknownChannel(channel));
      return transport.invoke(channel, input).catch((error: unknown) => transportFailure(error));
    },

    stream(channel: string, input: unknown, onEvent: (event: unknown) => void) {
      if (!isStreamChannel(channel)) return { result: Promise.resolve(unknownChannel(channel)), abort() {} };
      const id = `${prefix}-${nextId++}`;
      const result = new Promise<Result<unknown>>((resolve) => {
        streams.set(id, {
          onEvent,
          settle(outcome) {
            streams.delete(id);
            resolve(outcome);
          },
        });
      });
      try {
        transport.startStream(id, channel, input);
      } catch (error) {
        streams.get(id)?.settle(transportFailure(error));
      }
      return {
        result,
        abort() {
          if (streams.has(id)) transport.abortStream(id);
        },
      };
    },

    on(channel: string, listener: (payload: unknown) => void) {
      if (!isEventChannel(channel)) throw new Error(`No such event: ${JSON.stringify(channel)}.`);
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  } as HearthBridge;

  return {
    bridge,
    receiveStreamMessage(message) {
      const stream = streams.get(message.id);
      if (!stream) return;
      if (message.type === 'event') stream.onEvent(message.data);
      else stream.settle(message.result);
    },
    receiveEvent(channel, payload) {
      listeners.get(channel)?.forEach((listener) => listener(payload));
    },
  };
}

function transportFailure(error: unknown): Result<never> {
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'INTERNAL', message: `The connection to Hearth failed: ${message}` } };
}
