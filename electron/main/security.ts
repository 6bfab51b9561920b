import type { App, Session, WebContents } from 'electron';
import { APP_SCHEME } from './protocol';

export interface SecurityOptions {
  /** The dev server origin (`electron-vite dev`), allowed only in development. */
  devServerOrigin?: string;
}

/**
 * Makes a session refuse everything the renderer has no business doing: every permission
 * (camera, notifications, geolocation, …) is denied, and every request that is not the app's own
 * (`app://`, or the dev server in development) is cancelled, so nothing can reach the network
 * from the window.
 */
export function hardenSession(session: Session, options: SecurityOptions = {}): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, options) });
  });
}

export function isAllowedRequest(url: string, options: SecurityOptions = {}): boolean {
  if (url.startsWith(`${APP_SCHEME}://`) || url.startsWith('devtools://')) return true;
  if (!options.devServerOrigin) return false;
  const devWs = options.devServerOrigin.replace(/^http/, 'ws');
  return url.startsWith(`${options.devServerOrigin}/`) || url.startsWith(`${devWs}/`);
}

/** Applies to every web contents the app ever creates: no navigation, no popups, no webviews. */
export function hardenWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
