import { commandNames } from '../cli/program';

/**
 * The installed app is also the `hearth` command: `hearth models list` runs the CLI in Electron's
 * main process (its Node, with the native modules built for it) and exits, with no window. The
 * app's fuses forbid ELECTRON_RUN_AS_NODE, so this is the way in. Returns the CLI's arguments, or
 * `null` to start the app.
 *
 * `argv` is `process.argv`: the executable, then (unpackaged only) the app's path, then the user's
 * arguments. Chromium's own switches (`--no-sandbox`, …) never make it a CLI run.
 */
export function cliArguments(argv: readonly string[], packaged: boolean): string[] | null {
  const args = argv.slice(packaged ? 1 : 2);
  if (args[0] === '--cli') return args.slice(1);
  if (args[0] !== undefined && commandNames().includes(args[0])) return [...args];
  return null;
}
