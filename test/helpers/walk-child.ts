/**
 * Walks a folder and prints the result as JSON: `node --import tsx test/helpers/walk-child.ts
 * <dir>`. Run as an unprivileged user, it shows what the walker does with a folder it may not read
 * even when the tests themselves run as root (as CI does), for whom no folder is unreadable.
 */
import { walk } from '../../electron/services/library/walk';

const result = await walk(process.argv[2]!);
process.stdout.write(JSON.stringify(result));
