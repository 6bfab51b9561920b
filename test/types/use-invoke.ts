/**
 * Compile-time checks of the renderer's IPC helpers, run by `npm run typecheck` (nothing here
 * executes). Each `@ts-expect-error` fails the typecheck if the line it guards starts compiling.
 */
import type { ApiError } from '../../app/api';
import type { NoInputChannel } from '../../app/lib/use-invoke';

export const loadsOnMount: NoInputChannel[] = ['app.info', 'models.list', 'models.partialDownloads'];

// @ts-expect-error `models.get` needs an id: a hook that loads with no input cannot call it.
export const needsInput: NoInputChannel = 'models.get';

// @ts-expect-error `settings.set` needs a patch.
export const needsPatch: NoInputChannel = 'settings.set';

// @ts-expect-error an ApiError's code is one of the contract's codes, not any string.
export const code: ApiError['code'] = 'SOMETHING_ELSE';
