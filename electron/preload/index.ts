import { contextBridge, ipcRenderer } from 'electron';
import { WIRE, type Result, type StreamMessage } from '../ipc/contract';
import { createBridgeClient } from '../ipc/client';

/**
 * The whole surface the renderer gets: `window.hearth = { invoke, stream, on }`, restricted to the
 * channels in the contract. No raw ipcRenderer, no process, no Node.
 */
const client = createBridgeClient({
  invoke: (channel, input) => ipcRenderer.invoke(WIRE.invoke, channel, input) as Promise<Result<unknown>>,
  startStream: (id, channel, input) => ipcRenderer.send(WIRE.streamStart, id, channel, input),
  abortStream: (id) => ipcRenderer.send(WIRE.streamAbort, id),
});

ipcRenderer.on(WIRE.streamMessage, (_event, message: StreamMessage) => client.receiveStreamMessage(message));
ipcRenderer.on(WIRE.event, (_event, channel: string, payload: unknown) => client.receiveEvent(channel, payload));

contextBridge.exposeInMainWorld('hearth', client.bridge);
