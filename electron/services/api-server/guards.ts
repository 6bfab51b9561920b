import type { MiddlewareHandler } from 'hono';
import { openAiError } from './openai-errors';
import type { ApiKeyStore } from './api-key';

/**
 * DNS-rebinding defence: a web page that points its own host name at 127.0.0.1 still sends that
 * name as Host. Only loopback names with the server's port are served.
 */
export function loopbackHostOnly(port: () => number): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    const allowed = ['127.0.0.1', 'localhost', '[::1]'].map((name) => `${name}:${port()}`);
    if (!allowed.includes(host)) {
      return c.json(openAiError('Requests must be addressed to 127.0.0.1 or localhost.', 'forbidden_host'), 403);
    }
    await next();
  };
}

/**
 * Browsers get no CORS grant unless the user listed the page's origin in Settings; then that
 * origin alone (never `*`). A preflight from any other origin is refused.
 */
export function corsForListedOrigins(origins: () => readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const granted = origin !== undefined && origins().includes(origin);
    if (c.req.method === 'OPTIONS') {
      if (!granted) return c.body(null, 403);
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    }
    await next();
    if (granted) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.append('Vary', 'Origin');
    }
  };
}

/** Every request presents the install's key as `Authorization: Bearer <key>`. */
export function bearerKey(keys: ApiKeyStore): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!keys.matches(match?.[1])) {
      return c.json(
        openAiError(
          'Missing or wrong API key. Copy it from Settings → Local API, or from what `hearth serve` printed.',
          'invalid_api_key',
        ),
        401,
      );
    }
    await next();
  };
}
