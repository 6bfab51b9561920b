import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How one served file misbehaves. */
export interface Behaviour {
  /** HTTP status to answer with instead of the file. */
  status?: number;
  /** Close the connection after this many body bytes, for the first `dropTimes` requests. */
  dropAfterBytes?: number;
  dropTimes?: number;
  /** Resolves once the client holds the file up to `offset`: the drop waits for it. */
  dropWhen?: (offset: number) => Promise<void>;
  /** Publish this hash instead of the real one. */
  publishedSha256?: string | null;
  /** Ignore Range headers (answer 200 with the whole file). */
  ignoreRange?: boolean;
  /** Pause between 64 KB chunks, to make a download slow enough to pause or cancel. */
  chunkDelayMs?: number;
  /**
   * Send this many body bytes, then hold the rest until `release()` (or the server closes): a
   * download that is certainly still running whenever the test acts, however busy the machine.
   */
  holdAfterBytes?: number;
  /** Answer 302 to this URL instead of the file (the published hash goes on this response). */
  redirectTo?: string;
  /** Send no Content-Length (chunked), and keep sending past the file's end until the client stops. */
  endless?: boolean;
}

export interface ModelServer {
  origin: string;
  /** Serves `bytes` at `path`, publishing their SHA-256 as Hugging Face does (X-Linked-Etag). */
  serve(path: string, bytes: Buffer, behaviour?: Behaviour): string;
  /** Lets every body held by `holdAfterBytes` go on to its end. */
  release(): void;
  /** Every request: path and Range header. */
  requests: Array<{ path: string; range: string | undefined }>;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that behaves like the hub, or like a bad day on the hub. */
export async function startModelServer(): Promise<ModelServer> {
  const files = new Map<string, { bytes: Buffer; behaviour: Behaviour; served: number }>();
  const requests: ModelServer['requests'] = [];
  const server: Server = createServer((request, response) => void handle(request, response));
  const sockets = new Set<Socket>();
  /** Bodies held by `holdAfterBytes`: each goes on (`true`) on `release()`, or ends when the server closes. */
  const held = new Set<(goOn: boolean) => void>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push({ path, range: request.headers.range });
    const file = files.get(path);
    if (!file) return void response.writeHead(404).end('Entry not found');
    const { bytes, behaviour } = file;
    file.served++;
    if (behaviour.status) return void response.writeHead(behaviour.status).end('error');

    const sha256 =
      behaviour.publishedSha256 === undefined
        ? createHash('sha256').update(bytes).digest('hex')
        : behaviour.publishedSha256;
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes' };
    if (sha256) headers['x-linked-etag'] = `"${sha256}"`;
    if (behaviour.redirectTo) return void response.writeHead(302, { ...headers, location: behaviour.redirectTo }).end();
    if (behaviour.endless) return sendEndlessly(response, bytes);

    let start = 0;
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    if (range && !behaviour.ignoreRange) {
      start = Number(range[1]);
      if (start >= bytes.length) {
        return void response.writeHead(416, { 'content-range': `bytes */${bytes.length}` }).end();
      }
      headers['content-range'] = `bytes ${start}-${bytes.length - 1}/${bytes.length}`;
    }
    headers['content-length'] = String(bytes.length - start);
    response.writeHead(start > 0 ? 206 : 200, headers);

    const drop = behaviour.dropAfterBytes !== undefined && file.served <= (behaviour.dropTimes ?? 1);
    let sent = 0;
    for (let offset = start; offset < bytes.length; offset += 65536) {
      let chunk = bytes.subarray(offset, Math.min(bytes.length, offset + 65536));
      if (drop && sent + chunk.length > behaviour.dropAfterBytes!) {
        chunk = chunk.subarray(0, behaviour.dropAfterBytes! - sent);
        response.write(chunk);
        // Cut the connection mid-body once the client has the bytes (the test says when), so the
        // drop lands after them however busy the machine is; else after a moment.
        const reached = offset + chunk.length;
        await (behaviour.dropWhen?.(reached) ?? new Promise((resolve) => setTimeout(resolve, 20)));
        request.socket.destroy();
        return;
      }
      if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
      sent += chunk.length;
      if (
        behaviour.holdAfterBytes !== undefined &&
        sent >= behaviour.holdAfterBytes &&
        sent - chunk.length < behaviour.holdAfterBytes
      ) {
        if (!(await new Promise<boolean>((resolve) => held.add(resolve)))) return void request.socket.destroy();
      }
      if (behaviour.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.chunkDelayMs));
      if (response.destroyed) return;
    }
    response.end();
  }

  /** A chunked body that never ends on its own (stops at 1 GB or when the client goes away). */
  async function sendEndlessly(response: ServerResponse, bytes: Buffer): Promise<void> {
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    const chunk = Buffer.alloc(65536, 1);
    for (let sent = 0; sent < 1024 ** 3 && !response.destroyed; sent += chunk.length) {
      if (!response.write(sent === 0 ? bytes : chunk)) await new Promise((resolve) => response.once('drain', resolve));
    }
    response.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    requests,
    serve(path, bytes, behaviour = {}) {
      files.set(path, { bytes, behaviour, served: 0 });
      return `${origin}${path}`;
    },
    release() {
      for (const goOn of held) goOn(true);
      held.clear();
    },
    async close() {
      for (const goOn of held) goOn(false);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
