import { toErrorData } from '../../ipc/errors';
import { mainText, type MainText } from '../../ipc/main-text';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiServerState } from '../../ipc/schemas/api-server';
import type { ApiKeyStore } from './api-key';
import { bearerKey, corsForListedOrigins, loopbackHostOnly } from './guards';
import { errorResponse, openAiError } from './openai-errors';
import { openAiRoutes, type ApiEnv, type OpenAiRoutesDeps } from './openai-routes';
import { RequestLog } from './request-log';
import { WorkQueue, type WorkQueueOptions } from './work-queue';

export interface ApiServerOptions extends Omit<OpenAiRoutesDeps, 'queue'> {
  keys: ApiKeyStore;
  /** Browser origins granted CORS (Settings); none by default. Read at each request. */
  allowedOrigins?: () => readonly string[];
  /** Largest JSON body accepted, in bytes; a larger one gets 413. Defaults to 1 MiB. */
  bodyLimit?: number;
  queue?: WorkQueueOptions;
  /** Told the new state whenever the server starts, stops or fails to start. */
  onChange?: (state: ApiServerState) => void;
  /** How long a client may take over each part of a request; see `API_TIMEOUTS` for the defaults. */
  timeouts?: Partial<ApiTimeouts>;
}

export interface ApiTimeouts {
  /** From connecting to the end of the headers. A client sending them a byte at a time is cut off. */
  headersMs: number;
  /** From connecting to the end of the body (bodies are at most 1 MiB; answers may take longer). */
  requestMs: number;
  /** An idle keep-alive connection between requests. */
  keepAliveMs: number;
  /** Most connections open at once; the server closes any more at once, so they cost it nothing. */
  maxConnections: number;
}

/**
 * Node's defaults hold a connection 60 s for its headers, checked every 30 s, with no bound on
 * connections: 300 sockets sending headers byte by byte held the server for 75 s. A loopback
 * client has its headers ready in milliseconds.
 */
export const API_TIMEOUTS: ApiTimeouts = {
  headersMs: 10_000,
  requestMs: 60_000,
  keepAliveMs: 5_000,
  maxConnections: 64,
};

/** The port used when the user has not chosen one. */
export const DEFAULT_API_PORT = 4891;

/**
 * The OpenAI-compatible local API: off until started, bound to 127.0.0.1 only, every request
 * checked in this order: Host is a loopback name with our port (DNS rebinding), CORS only for
 * origins the user listed, the install's key, a body size limit; then a bounded work queue.
 */
export class ApiServer {
  readonly log = new RequestLog();
  readonly #options: ApiServerOptions;
  readonly #app: Hono<ApiEnv>;
  #server: ServerType | null = null;
  #port = DEFAULT_API_PORT;
  #error: MainText | null = null;

  constructor(options: ApiServerOptions) {
    this.#options = options;
    this.#app = this.#build();
  }

  state(): ApiServerState {
    const running = this.#server !== null;
    return { running, url: running ? `http://127.0.0.1:${this.#port}/v1` : null, port: this.#port, error: this.#error };
  }

  /** Starts on `port` (0: any free port), stopping first if it runs elsewhere. */
  async start(port: number): Promise<ApiServerState> {
    if (this.#server && port === this.#port) return this.state();
    await this.stop();
    try {
      const server = await new Promise<ServerType>((resolve, reject) => {
        const timeouts = { ...API_TIMEOUTS, ...this.#options.timeouts };
        const created = serve(
          {
            fetch: this.#app.fetch,
            hostname: '127.0.0.1',
            port,
            serverOptions: {
              headersTimeout: timeouts.headersMs,
              requestTimeout: timeouts.requestMs,
              keepAliveTimeout: timeouts.keepAliveMs,
              // How often the two timeouts above are enforced (Node's default is every 30 s).
              connectionsCheckingInterval: Math.min(1000, timeouts.headersMs),
            },
          },
          () => resolve(created),
        );
        created.maxConnections = timeouts.maxConnections;
        created.once('error', reject);
      });
      const address = server.address();
      this.#port = typeof address === 'object' && address ? address.port : port;
      this.#server = server;
      this.#error = null;
    } catch (error) {
      this.#port = port;
      this.#error =
        (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
          ? mainText('api.portInUse', { port })
          : mainText('api.failed', { reason: toErrorData(error).message });
    }
    this.#options.onChange?.(this.state());
    return this.state();
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Open keep-alive connections and running streams end now, not when clients let go.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
    this.#options.onChange?.(this.state());
  }

  #build(): Hono<ApiEnv> {
    const options = this.#options;
    const app = new Hono<ApiEnv>();
    app.use(async (c, next) => {
      const { outcome, end } = this.log.begin(c.req.method, new URL(c.req.url).pathname);
      c.set('outcome', outcome);
      c.set('end', end);
      await next();
      if (!outcome.streaming) end(c.res.status);
    });
    app.use(loopbackHostOnly(() => this.#port));
    app.use(corsForListedOrigins(options.allowedOrigins ?? (() => [])));
    app.use(bearerKey(options.keys));
    app.use(
      bodyLimit({
        maxSize: options.bodyLimit ?? 1024 * 1024,
        onError: (c) => c.json(openAiError('The request body is too large.', 'request_too_large'), 413),
      }),
    );
    app.route('/', openAiRoutes({ ...options, queue: new WorkQueue(options.queue) }));
    app.notFound((c) =>
      c.json(openAiError(`No such endpoint: ${c.req.method} ${new URL(c.req.url).pathname}`, 'not_found'), 404),
    );
    app.onError((error, c) => {
      const { status, body } = errorResponse(error);
      if (status === 500) console.error('[api] request failed:', error);
      if (status === 429) c.header('Retry-After', '5');
      return c.json(body, status);
    });
    return app;
  }
}
