import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ net: {}, protocol: {} }));
const { hardenSession, hardenWebContents, isAllowedRequest } = await import('../../../electron/main/security');

type Callback = (...args: unknown[]) => unknown;

function fakeSession() {
  const handlers: Record<string, Callback> = {};
  return {
    handlers,
    setPermissionRequestHandler: (fn: Callback) => (handlers['request'] = fn),
    setPermissionCheckHandler: (fn: Callback) => (handlers['check'] = fn),
    webRequest: { onBeforeRequest: (fn: Callback) => (handlers['request-filter'] = fn) },
  };
}

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const session = fakeSession();
    hardenSession(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      const callback = vi.fn();
      session.handlers['request']!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(session.handlers['check']!({}, 'media')).toBe(false);
  });

  it('cancels every request that is not the app itself', () => {
    const session = fakeSession();
    hardenSession(session as never);
    const decide = (url: string) => {
      const callback = vi.fn();
      session.handlers['request-filter']!({ url }, callback);
      return callback.mock.calls[0]![0] as { cancel: boolean };
    };
    expect(decide('app://hearth/index.html')).toEqual({ cancel: false });
    expect(decide('https://example.com/tracker.js')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:1234/')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
  });
});

describe('isAllowedRequest', () => {
  it('allows the dev server only when one is configured', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx')).toBe(false);
    const dev = { devServerOrigin: 'http://localhost:5173' };
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:51730/', dev)).toBe(false);
  });
});

describe('hardenWebContents', () => {
  it('blocks navigation, redirects, webviews and window.open on every new web contents', () => {
    const app = new EventEmitter();
    hardenWebContents(app as never);
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    app.emit('web-contents-created', {}, contents);

    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      contents.emit(name, event);
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]![0] as () => unknown;
    expect(openHandler()).toEqual({ action: 'deny' });
  });
});
