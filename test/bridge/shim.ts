/**
 * Browser side of the test bridge: defines `window.hearth` over a WebSocket to the bridge, using
 * the same client as the Electron preload. Loaded before the renderer by the bridge's index.html.
 * Test infrastructure only; never part of the app.
 */
import { createBridgeClient } from '../../electron/ipc/client';
import type { Result } from '../../electron/ipc/contract';
import { BRIDGE_PATH, type ClientMessage, type ServerMessage } from './protocol';

const token = new URLSearchParams(location.search).get('token') ?? '';
const socket = new WebSocket(`ws://${location.host}${BRIDGE_PATH}?token=${encodeURIComponent(token)}`);
const open = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve());
  socket.addEventListener('close', () => reject(new Error('the test bridge closed the connection')));
});
const pending = new Map<number, (result: Result<unknown>) => void>();
let nextId = 0;

const send = async (message: ClientMessage): Promise<void> => {
  await open;
  socket.send(JSON.stringify(message));
};

const client = createBridgeClient({
  async invoke(channel, input) {
    const id = nextId++;
    const result = new Promise<Result<unknown>>((resolve) => pending.set(id, resolve));
    await send({ type: 'invoke', id, channel, input });
    return result;
  },
  startStream: (id, channel, input) => void send({ type: 'stream-start', id, channel, input }),
  abortStream: (id) => void send({ type: 'stream-abort', id }),
});

socket.addEventListener('message', (event: MessageEvent<string>) => {
  const message = JSON.parse(event.data) as ServerMessage;
  if (message.type === 'invoke-result') {
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  } else if (message.type === 'stream') client.receiveStreamMessage(message.message);
  else if (message.type === 'event') client.receiveEvent(message.channel, message.payload);
  else console.error(`test bridge: ${message.message}`);
});

window.hearth = client.bridge;
