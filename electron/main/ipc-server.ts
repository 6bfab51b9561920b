import { BrowserWindow, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { WIRE, type EventChannel, type EventPayload, type Result, type StreamMessage } from '../ipc/contract';
import type { Dispatcher } from '../ipc/dispatch';
import { StreamRegistry } from '../ipc/stream-registry';

export interface IpcServerOptions {
  dispatcher: Dispatcher;
  /** True for frames that are the app's own renderer (checked on every message). */
  isTrustedUrl(url: string): boolean;
}

const forbidden: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This frame may not talk to Hearth.' },
};

/**
 * Connects the contract to Electron IPC. Every message is checked to come from the main frame of
 * a window this app created, showing the app's own page; anything else is refused.
 */
export function registerIpcServer(options: IpcServerOptions): void {
  const registries = new Map<WebContents, StreamRegistry>();

  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return (
      frame !== null &&
      frame === event.sender.mainFrame &&
      BrowserWindow.fromWebContents(event.sender) !== null &&
      options.isTrustedUrl(frame.url)
    );
  };

  ipcMain.handle(WIRE.invoke, (event, channel: unknown, input: unknown) =>
    trusted(event) ? options.dispatcher.invoke(channel, input) : forbidden,
  );

  ipcMain.on(WIRE.streamStart, (event, id: unknown, channel: unknown, input: unknown) => {
    if (typeof id !== 'string') return;
    const contents = event.sender;
    const send = (message: StreamMessage) => {
      if (!contents.isDestroyed()) contents.send(WIRE.streamMessage, message);
    };
    if (!trusted(event)) return send({ id, type: 'end', result: forbidden });

    let registry = registries.get(contents);
    if (!registry) {
      const created = (registry = new StreamRegistry(options.dispatcher, send));
      registries.set(contents, created);
      // A closed or reloaded window cancels its streams instead of leaving work running.
      contents.once('destroyed', () => {
        created.abortAll();
        registries.delete(contents);
      });
      contents.on('did-start-navigation', (_e, _url, _inPlace, isMainFrame) => isMainFrame && created.abortAll());
    }
    registry.start(id, channel, input);
  });

  ipcMain.on(WIRE.streamAbort, (event, id: unknown) => {
    if (typeof id === 'string') registries.get(event.sender)?.abort(id);
  });
}

/** Sends an event to every window. */
export function broadcast<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.webContents.isDestroyed()) window.webContents.send(WIRE.event, channel, payload);
  }
}
