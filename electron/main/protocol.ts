import { protocol } from 'electron';
import { rendererResponse } from './renderer-files';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://hearth`;

/** Must run before `app.ready`: makes `app://` behave like https (secure context, fetch, storage). */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `rootDir` at `app://hearth/`, with the CSP as a header. */
export function serveRenderer(rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rootDir, request.url));
}
