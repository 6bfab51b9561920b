import type { Result, StreamMessage } from '../../electron/ipc/contract';

/** What the browser shim sends to the bridge over the WebSocket. */
export type ClientMessage =
  | { type: 'invoke'; id: number; channel: string; input: unknown }
  | { type: 'stream-start'; id: string; channel: string; input: unknown }
  | { type: 'stream-abort'; id: string };

/** What the bridge sends back. */
export type ServerMessage =
  | { type: 'invoke-result'; id: number; result: Result<unknown> }
  | { type: 'stream'; message: StreamMessage }
  | { type: 'event'; channel: string; payload: unknown }
  | { type: 'protocol-error'; message: string };

export const BRIDGE_PATH = '/__hearth-bridge';
export const SHIM_PATH = '/__hearth-bridge.js';
