/**
 * Walks a folder and prints the result as JSON. Bundled into one file and run as an unprivileged
 * user by `walkAsUser` (test/helpers/walk-as-user.ts): it shows what the walker does with a folder
 * it may not read even when the tests run as root (as CI does), for whom no folder is unreadable.
 */
import { walk } from '../../electron/services/library/walk';

void walk(process.argv[2]!).then((result) => process.stdout.write(JSON.stringify(result)));
