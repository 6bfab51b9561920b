import { statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Services } from '../services';
import { exportJson, exportMarkdown } from '../services/chat/export';
import type { CliIo } from './cli-io';
import { UsageError } from './usage';

/**
 * `hearth chats list` and `hearth chats export <id> [--format markdown|json] [--tree] [--out FILE]`:
 * conversations on the same data folder as the app, exported with their citations.
 */
export async function runChats(
  services: Services,
  sub: string | undefined,
  args: string[],
  options: { json: boolean; format: string; tree: boolean; out?: string },
  io: CliIo,
): Promise<number> {
  if (sub === 'list') {
    if (args.length) throw new UsageError('`hearth chats list` takes no arguments.', 'chats');
    const chats = services.chat.list();
    if (options.json) io.stdout.write(`${JSON.stringify(chats, null, 2)}\n`);
    else if (!chats.length) io.stdout.write('No conversations.\n');
    else
      for (const chat of chats) {
        io.stdout.write(`${String(chat.id).padStart(5)}  ${chat.updatedAt}  ${chat.title || '(untitled)'}\n`);
      }
    return 0;
  }
  if (sub === 'export') {
    const id = Number(args[0]);
    if (args.length !== 1 || !Number.isInteger(id) || id < 1) {
      throw new UsageError('`hearth chats export` takes one conversation id (see `hearth chats list`).', 'chats');
    }
    if (options.format !== 'markdown' && options.format !== 'json') {
      throw new UsageError('--format must be markdown or json.', 'chats');
    }
    const view = services.chat.view(id);
    const scope = options.tree ? 'tree' : 'branch';
    const text = options.format === 'json' ? exportJson(view, scope) : exportMarkdown(view, scope);
    if (options.out) {
      checkOutFile(options.out);
      writeFileSync(options.out, text);
    } else io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return 0;
  }
  throw new UsageError(
    sub ? `Unknown command "chats ${sub}".` : '`hearth chats` needs a command: list or export.',
    'chats',
  );
}

/** `--out` must name a file in a folder that exists: said by name before anything is written. */
function checkOutFile(path: string): void {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--out ${path} is a folder; give a file name.`, 'chats');
  }
  if (!statSync(dirname(path), { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--out ${path}: the folder ${dirname(path)} does not exist.`, 'chats');
  }
}
