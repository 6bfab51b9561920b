import { HearthError } from '../ipc/errors';
import type { Services } from '../services';
import type { CliIo } from './cli-io';

/**
 * `hearth serve`: the local API until Ctrl-C (or SIGTERM), on the port in Settings unless
 * `--port` says otherwise. Prints where it listens and the key to use; with `--json`, one line of
 * JSON a script can read.
 */
export async function runServe(
  services: Services,
  options: { port?: number; json: boolean },
  io: CliIo,
): Promise<number> {
  const state = await services.api.start(options.port ?? services.settings.get().apiServerPort);
  if (!state.running) throw new HearthError('BUSY', state.error?.text ?? 'The local API could not start.');
  const key = services.apiKeys.get();
  // Listening for Ctrl-C before saying where the API is: whoever reads that line may stop it at once.
  const interrupted = new Promise<void>((resolve) => io.onInterrupt(resolve, { terminate: true }));
  if (options.json) io.stdout.write(`${JSON.stringify({ url: state.url, port: state.port, key })}\n`);
  else {
    io.stdout.write(
      `Hearth's local API is listening on ${state.url} (this computer only).\n` +
        `API key: ${key}\n` +
        `Try: curl ${state.url}/models -H "Authorization: Bearer ${key}"\n` +
        'Press Ctrl-C to stop.\n',
    );
  }
  await interrupted;
  await services.api.stop();
  return 0;
}
