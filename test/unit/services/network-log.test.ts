import { describe, expect, it } from 'vitest';
import type { NetworkRequest } from '../../../electron/ipc/contract';
import { NetworkLog } from '../../../electron/services/network/network-log';

describe('network log', () => {
  it('logs a request before it is sent, then how it went, and never its query string', async () => {
    const seen: NetworkRequest[][] = [];
    const log = new NetworkLog({ onChange: (requests) => seen.push(requests) });
    const fetch = log.fetch('model-download', async () => {
      // Logged already, still waiting for its answer.
      expect(log.list()).toMatchObject([{ status: null, error: null }]);
      return new Response('ok', { status: 206 });
    });
    await fetch('https://huggingface.co/org/repo/resolve/main/model.gguf?token=secret', { method: 'GET' });
    expect(log.list()).toMatchObject([
      {
        purpose: 'model-download',
        method: 'GET',
        host: 'huggingface.co',
        path: '/org/repo/resolve/main/model.gguf',
        status: 206,
      },
    ]);
    expect(JSON.stringify(log.list())).not.toContain('secret');
    expect(seen).toHaveLength(2);
  });

  it('says a request that got no answer, or was cancelled, and keeps only the newest', async () => {
    const log = new NetworkLog({ limit: 2 });
    const failing = log.fetch('model-download', () => Promise.reject(new TypeError('fetch failed')));
    await expect(failing('https://hf.co/a')).rejects.toThrow('fetch failed');
    const cancelled = log.fetch('model-download', () =>
      Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
    );
    await expect(cancelled('https://hf.co/b')).rejects.toThrow('aborted');
    await expect(cancelled('https://hf.co/c')).rejects.toThrow('aborted');
    expect(log.list().map((request) => [request.path, request.error])).toEqual([
      ['/c', 'cancelled'],
      ['/b', 'cancelled'],
    ]);
    expect(new NetworkLog().list()).toEqual([]);
    const first = new NetworkLog();
    await expect(first.fetch('model-download', failing)('https://hf.co/a')).rejects.toThrow();
    expect(first.list()[0]).toMatchObject({ status: null, error: 'no answer' });
  });
});
