import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { contract, type EventChannel, type EventPayload, type Result } from '../../electron/ipc/contract';
import { createDispatcher, type Dispatcher } from '../../electron/ipc/dispatch';
import { StreamRegistry } from '../../electron/ipc/stream-registry';
import { createHandlers } from '../../electron/services/handlers';
import { RENDERER_MIME } from '../../electron/main/renderer-files';
import { resolveRendererPath } from '../../electron/main/renderer-path';
import { createServices, type Services, type ServicesOptions } from '../../electron/services';
import { foreignPaths, stringsIn } from '../helpers/foreign-paths';
import { simulatedMachine } from '../helpers/machine';
import { BRIDGE_PATH, SHIM_PATH, type ClientMessage, type ServerMessage } from './protocol';
import { HearthError } from '../../electron/ipc/errors';
import { mainText } from '../../electron/ipc/main-text';

export interface TestBridgeOptions {
  /** A fresh folder for this run's databases. */
  dataDir: string;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** The built browser shim (`out/test-bridge/shim.js`). */
  shimFile: string;
  /**
   * Builds the dispatcher from the services. Defaults to the app's own handler map, which is the
   * point: the browser drives exactly what Electron would. Tests of the bridge itself may swap it.
   */
  dispatcher?: (services: Services) => Dispatcher;
  /** Stands in for the system file dialog. Defaults to "the user cancelled". */
  pickModelFile?: () => Promise<string | null>;
  /** Stands in for the system folder dialog. Defaults to "the user cancelled". */
  pickFolder?: () => Promise<string | null>;
  /**
   * Stands in for the system's file opener and file manager, which a browser test cannot see.
   * Defaults to recording the request in `TestBridge.opened`.
   */
  openPath?: (path: string) => Promise<void>;
  showInFolder?: (path: string) => Promise<void>;
  /**
   * Passed to the services: a pretend machine for fit estimates, a local hub for downloads, a home
   * with other apps' models. By default no other app's folder is seen: the machine's own home is
   * not the test's.
   */
  services?: Partial<Pick<ServicesOptions, 'memory' | 'downloads' | 'catalog' | 'machine' | 'localModels' | 'updates'>>;
}

export interface TestBridge {
  /** Open this in the browser (add `#/screen` to pick a screen). Carries the session token. */
  url: string;
  origin: string;
  token: string;
  services: Services;
  /**
   * Absolute paths that error messages sent to the page named without the user having given
   * them (in any input of this session, or by the file dialog). The harness expects none.
   */
  leakedPaths(): string[];
  /** Files the page asked main to open or show, in order (with the default stand-ins). */
  opened: Array<{ action: 'open' | 'show' | 'link'; path: string }>;
  close(): Promise<void>;
}

/**
 * A loopback WebSocket transport for the contract, so Playwright can drive the real renderer in
 * Chromium against real services (Electron's binary cannot be downloaded on these machines).
 * Test infrastructure, not a user feature: 127.0.0.1 only, a random port, a random token, and
 * the Host and Origin headers checked so another page or a rebinding DNS name cannot use it.
 */
export async function startTestBridge(options: TestBridgeOptions): Promise<TestBridge> {
  const token = randomBytes(24).toString('hex');
  const sockets = new Set<WebSocket>();
  const sendTo = (socket: WebSocket, message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => {
    for (const socket of sockets) sendTo(socket, { type: 'event', channel, payload });
  };

  const services = createServices({
    dataDir: options.dataDir,
    appVersion: await appVersion(),
    emit,
    llama: { maxThreads: 1 },
    // A fixed pretend machine: predicted speeds on screen stay the same from run to run.
    machine: { measure: async () => simulatedMachine() },
    localModels: { context: { home: join(options.dataDir, 'no-home'), env: {} } },
    ...options.services,
  });
  const errorLog = new ErrorLog();
  const opened: TestBridge['opened'] = [];
  const inner =
    options.dispatcher?.(services) ??
    createDispatcher(
      contract,
      createHandlers(services, {
        pickModelFile: options.pickModelFile ?? (() => Promise.resolve(null)),
        pickFolder: options.pickFolder ?? (() => Promise.resolve(null)),
        openPath: options.openPath ?? ((path) => Promise.resolve(void opened.push({ action: 'open', path }))),
        showInFolder: options.showInFolder ?? ((path) => Promise.resolve(void opened.push({ action: 'show', path }))),
        // A browser test cannot answer a native dialog: the link is recorded as if confirmed.
        openLink: (url) => Promise.resolve(opened.push({ action: 'link', path: url }) > 0),
        installUpdate: () => Promise.reject(new HearthError('VALIDATION', mainText('updates.desktopOnly'))),
      }),
      { validateOutput: true },
    );

  const dispatcher = errorLog.watch(inner);

  const server = createServer((request, response) => {
    void serveFile(request, response, options).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  const origin = `http://${host}`;

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    if (!isAllowedUpgrade(request, { host, origin, token })) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serveSocket(ws));
  });

  function serveSocket(socket: WebSocket): void {
    sockets.add(socket);
    // The same registry the app's IPC server uses, so e2e tests exercise its bookkeeping.
    const streams = new StreamRegistry(dispatcher, (message) => sendTo(socket, { type: 'stream', message }));
    socket.on('close', () => {
      sockets.delete(socket);
      streams.abortAll();
    });
    socket.on('message', (data) => {
      let message: ClientMessage;
      try {
        message = JSON.parse(String(data)) as ClientMessage;
      } catch {
        return sendTo(socket, { type: 'protocol-error', message: 'Messages must be JSON.' });
      }
      switch (message?.type) {
        case 'invoke':
          void dispatcher
            .invoke(message.channel, message.input)
            .then((result) => sendTo(socket, { type: 'invoke-result', id: message.id, result }));
          return;
        case 'stream-start':
          streams.start(message.id, message.channel, message.input);
          return;
        case 'stream-abort':
          streams.abort(message.id);
          return;
        default:
          sendTo(socket, {
            type: 'protocol-error',
            message: `Unknown message type: ${JSON.stringify((message as { type?: unknown } | null)?.type)}.`,
          });
      }
    });
  }

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    services,
    leakedPaths: () => errorLog.leakedPaths(),
    opened,
    async close() {
      for (const socket of sockets) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.dispose();
    },
  };
}

/** Every error the page was sent, and every string the page (or the file dialog) gave. */
class ErrorLog {
  readonly #given = new Set<string>();
  readonly #messages: string[] = [];

  watch(dispatcher: Dispatcher): Dispatcher {
    const record = (channel: unknown, input: unknown, result: Result<unknown>) => {
      if (!result.ok) this.#messages.push(result.error.message);
      else if (channel === 'dialog.pickModelFile') stringsIn(result.value).forEach((s) => this.#given.add(s));
      stringsIn(input).forEach((s) => this.#given.add(s));
      return result;
    };
    return {
      invoke: async (channel, input) => record(channel, input, await dispatcher.invoke(channel, input)),
      stream: async (channel, input, call) => record(channel, input, await dispatcher.stream(channel, input, call)),
    };
  }

  leakedPaths(): string[] {
    return this.#messages.flatMap((message) => foreignPaths(message, [...this.#given]));
  }
}

function isAllowedUpgrade(
  request: IncomingMessage,
  expected: { host: string; origin: string; token: string },
): boolean {
  const url = new URL(request.url ?? '/', expected.origin);
  if (url.pathname !== BRIDGE_PATH) return false;
  if (request.headers.host !== expected.host) return false;
  if (request.headers.origin !== undefined && request.headers.origin !== expected.origin) return false;
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const wanted = Buffer.from(expected.token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

async function serveFile(
  request: IncomingMessage,
  response: ServerResponse,
  options: TestBridgeOptions,
): Promise<void> {
  const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  if (pathname === SHIM_PATH) {
    response.writeHead(200, { 'content-type': RENDERER_MIME['.js']! }).end(await readFile(options.shimFile));
    return;
  }
  const file = resolveRendererPath(options.rendererDir, pathname);
  if (!file) {
    response.writeHead(404).end('Not found');
    return;
  }
  let body: Buffer | string;
  try {
    body = await readFile(file);
  } catch {
    response.writeHead(404).end('Not found');
    return;
  }
  if (file.endsWith('index.html')) {
    // The shim must define window.hearth before the renderer's (deferred) module script runs.
    body = body.toString('utf8').replace('</head>', `<script src="${SHIM_PATH}"></script></head>`);
  }
  response.writeHead(200, { 'content-type': RENDERER_MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
}

async function appVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
