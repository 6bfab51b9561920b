// The `hearth` command's entry in plain Node (bin/hearth.mjs): run the command line, exit with its code.
import { runCli } from './index';

process.exitCode = await runCli(process.argv.slice(2));
