import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/services';
import { ApiServer } from '../../../electron/services/api-server/api-server';
import { eventually } from '../../helpers/eventually';
import { startServices } from '../../helpers/services';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();
let services: Services;
let server: ApiServer;
let port: number;

beforeAll(async () => {
  services = startServices(join(tempDir(), 'data'), { apiServer: false }).services;
  server = new ApiServer({
    models: services.models,
    chat: services.chat,
    embedder: services.embedder,
    library: services.library,
    keys: services.apiKeys,
    // Short, so the test does not wait the real 10 s; the real values are the defaults.
    timeouts: { headersMs: 500, keepAliveMs: 300, maxConnections: 40 },
  });
  port = (await server.start(0)).port;
});

afterAll(async () => {
  await server?.stop();
  await services?.dispose();
});

/** A client that sends its request line and headers a byte at a time, forever. */
function slowClient(): { socket: Socket; closed: () => boolean; stop: () => void } {
  const socket = connect(port, '127.0.0.1');
  let closed = false;
  socket.on('close', () => (closed = true));
  socket.on('error', () => undefined);
  const text = `GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: ${'a'.repeat(10_000)}`;
  let at = 0;
  const timer = setInterval(() => {
    if (!closed) socket.write(text[at++ % text.length]!);
  }, 50);
  return { socket, closed: () => closed, stop: () => (clearInterval(timer), socket.destroy()) };
}

async function status(): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/v1/models`);
  return response.status;
}

describe('the local API against slow and idle clients', () => {
  it('cuts off clients that send their headers byte by byte, and keeps answering others', async () => {
    const clients = Array.from({ length: 100 }, slowClient);
    try {
      // More than the connection limit are refused at once; the rest are cut off after the header timeout.
      await eventually(() => clients.every((client) => client.closed()), 20_000, 'slow clients were still connected');
      expect(await status()).toBe(401);
    } finally {
      for (const client of clients) client.stop();
    }
  });

  it('closes a keep-alive connection left idle', async () => {
    const socket = connect(port, '127.0.0.1');
    let closed = false;
    socket.on('close', () => (closed = true));
    socket.write(`GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`);
    const answer = await new Promise<string>((resolve) =>
      socket.once('data', (data: Buffer) => resolve(data.toString())),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
    await eventually(() => closed, 20_000, 'the idle connection was still open');
  });
});
