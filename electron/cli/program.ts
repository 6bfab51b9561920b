import { Command, InvalidArgumentError, Option, type CommanderError } from 'commander';
import { SearchModeSchema, type SearchMode } from '../ipc/schemas/search';
import { defaultDataDir } from './data-dir';
import { UsageError } from './usage';
import type { FileRanking } from '../services/search/file-ranking';

/**
 * Every `hearth` command, its arguments and options, defined once with commander: the parser, each
 * command's `--help`, the usage errors and the completion script (completion.ts) all come from
 * here. What a command does is in the `Actions` the caller passes (index.ts).
 */

/** Options every command takes. */
export interface GlobalOptions {
  dataDir?: string;
  init: boolean;
  json: boolean;
}

export interface Actions {
  index(
    folder: string,
    options: {
      collection: string[];
      include: string[];
      exclude: string[];
      hidden: boolean;
      followLinks: boolean;
      wait: boolean;
    },
  ): Promise<number>;
  libraryStatus(options: { slowest: number }): Promise<number>;
  search(query: string, options: { collection: string[]; mode: SearchMode; limit: number }): Promise<number>;
  ask(question: string, options: { collection: string[]; model?: string }): Promise<number>;
  evalRetrieval(options: {
    questions: string;
    collection: string[];
    sweep: boolean;
    fileRanking: FileRanking;
  }): Promise<number>;
  models(sub: string, args: string[], options: { copy: boolean; threads?: number }): Promise<number>;
  chats(sub: string, args: string[], options: { format: string; tree: boolean; out?: string }): Promise<number>;
  serve(options: { port?: number }): Promise<number>;
  completion(): Promise<number>;
}

/** An option value that must be a whole number in a range, said in Hearth's words. */
function integer(option: string, min: number, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || number < min || number > max) {
      throw new InvalidArgumentError(`${option} must be ${min} to ${max}.`);
    }
    return number;
  };
}

/** For options given once per value (`--collection A --collection B`). */
const repeatable = (value: string, previous: string[] = []) => [...previous, value];

/**
 * The program. `onResult` receives each action's exit code; `write` is where help goes. Usage
 * errors come out as `UsageError`s naming the command that was being typed (see `asUsageError`).
 */
export function buildProgram(
  actions: Actions,
  write: (text: string) => void,
  onResult: (code: number) => void,
): Command {
  const program = new Command('hearth')
    .description('Hearth from a terminal: the same library, models and chats as the app, on the same data folder.')
    .option('--data-dir <dir>', `the data folder (default ${defaultDataDir()}, or HEARTH_DATA_DIR)`)
    .option('--init', 'create the data folder if it does not exist (a mistyped one is refused otherwise)')
    .option('--json', 'output a script can read; errors too, as {"error": {"code", "message"}} on stdout')
    .showSuggestionAfterError(false)
    .configureOutput({ writeOut: write, writeErr: () => undefined, outputError: () => undefined })
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 failed, 2 usage error, 3 busy (another Hearth process holds what is needed).',
    );
  const run =
    <A extends unknown[]>(action: (...args: A) => Promise<number>) =>
    async (...args: A) =>
      onResult(await action(...args));

  program
    .command('index')
    .description('Adds a folder to a collection (new or existing; named after the folder by default) and indexes it.')
    .argument('<folder>', 'the folder to index')
    .option('--collection <name>', 'the collection (default: the folder’s name)', repeatable)
    .option(
      '--include <pattern>',
      'gitignore-style pattern of files to index, relative to the folder (repeat for more)',
      repeatable,
      [],
    )
    .option('--exclude <pattern>', 'gitignore-style pattern of files to leave out (repeat for more)', repeatable)
    .option('--hidden', 'index hidden files and folders too')
    .option('--follow-links', 'follow links that lead out of the folder (by default they are listed as skipped)')
    .option(
      '--wait',
      'if another Hearth process is indexing this library, wait for it instead of exiting with 3',
      false,
    )
    .action(
      run((folder: string, options: Partial<Parameters<Actions['index']>[1]>) =>
        actions.index(folder, {
          collection: options.collection ?? [],
          include: options.include ?? [],
          exclude: options.exclude ?? [],
          hidden: options.hidden === true,
          followLinks: options.followLinks === true,
          wait: options.wait === true,
        }),
      ),
    );

  const library = program.command('library').description('The library: its collections and their accounting.');
  library
    .command('status')
    .description('Collections, their folders, files found, indexed, skipped (with reasons), and passages.')
    .addOption(
      new Option('--slowest <n>', 'also the N files that took longest to read, by stage').argParser(
        integer('--slowest', 1, 100),
      ),
    )
    .action(run((options: { slowest?: number }) => actions.libraryStatus({ slowest: options.slowest ?? 0 })));
  needsSubcommand(library);

  program
    .command('search')
    .description(
      'Searches the library; prints file, page or lines, and a snippet per hit. Every collection by default.',
    )
    .argument('<query...>', 'what to look for')
    .option('--collection <name>', 'search this collection (repeat for more)', repeatable)
    .addOption(new Option('--mode <mode>', 'how to search').choices(SearchModeSchema.options).default('auto'))
    .addOption(new Option('--limit <n>', 'hits to show').argParser(integer('--limit', 1, 50)).default(10))
    .action(
      run((query: string[], options: { collection?: string[]; mode: SearchMode; limit: number }) =>
        actions.search(query.join(' ').trim(), { ...options, collection: options.collection ?? [] }),
      ),
    );

  program
    .command('ask')
    .description('Answers from the library with checked citations, streaming; Ctrl-C stops and keeps what was written.')
    .argument('<question...>', 'the question')
    .option(
      '--collection <name>',
      'answer from this collection (repeat for more; every one by default)',
      repeatable,
      [],
    )
    .option('--model <model>', 'a chat model’s id, name or file name (the loaded or first installed one by default)')
    .action(
      run((question: string[], options: { collection?: string[]; model?: string }) =>
        actions.ask(question.join(' ').trim(), { ...options, collection: options.collection ?? [] }),
      ),
    );

  const evaluation = program.command('eval').description('Measures the library’s search on your own questions.');
  evaluation
    .command('retrieval')
    .description(
      'recall@1, recall@5 and MRR@10 of each search mode on a file of "question<TAB>relative path" lines (a.md|b.md: either counts).',
    )
    .requiredOption('--questions <file>', 'the questions, one per line')
    .option('--collection <name>', 'the collection the files are in', repeatable)
    .option('--sweep', 'also measure hybrid search at several vector weights')
    .addOption(
      new Option('--file-ranking <how>', 'how files are ordered: by their passages together, or by their best one')
        .choices(['fused', 'best-passage'])
        .default('fused'),
    )
    .action(
      run((options: { questions: string; collection?: string[]; sweep?: boolean; fileRanking: FileRanking }) =>
        actions.evalRetrieval({
          questions: options.questions,
          collection: options.collection ?? [],
          sweep: options.sweep === true,
          fileRanking: options.fileRanking,
        }),
      ),
    );
  needsSubcommand(evaluation);

  const models = program.command('models').description('The installed models, as on the Models screen.');
  const model = 'an installed model’s id, name or file name (see `hearth models list`)';
  const modelsCommand = (
    name: string,
    description: string,
    args: Array<[string, string]>,
    configure?: (command: Command) => void,
  ) => {
    const command = models.command(name).description(description);
    for (const [argument, about] of args) command.argument(argument, about);
    configure?.(command);
    command.action(
      run(async (...params: unknown[]) => {
        const values = params.slice(0, args.length) as string[];
        const options = params[args.length] as { copy?: boolean; threads?: number };
        return actions.models(name, values, { copy: options.copy ?? false, threads: options.threads });
      }),
    );
  };
  modelsCommand('list', 'Lists the installed models.', []);
  modelsCommand(
    'import',
    'Uses a GGUF file where it is (or copies it into Hearth’s folder).',
    [['<file>', 'a .gguf file']],
    (command) => command.option('--copy', 'copy the file into Hearth’s models folder'),
  );
  modelsCommand('inspect', 'Metadata: architecture, parameters, quantization, context…', [
    ['<file-or-model>', `a .gguf file, or ${model}`],
  ]);
  modelsCommand('pull', 'Downloads, verifies (SHA-256, GGUF) and installs a model.', [
    ['<catalog-id-or-url>', 'a catalog id or a Hugging Face URL'],
  ]);
  modelsCommand('bench', 'Speed on this machine for 1..N threads.', [['<model>', model]], (command) =>
    command.addOption(new Option('--threads <n>', 'try 1..N threads').argParser(integer('--threads', 1, 64))),
  );
  modelsCommand('rm', 'Forgets a model (deletes only files Hearth made).', [['<model>', model]]);
  needsSubcommand(models);

  const chats = program.command('chats').description('Conversations, as in the app.');
  chats
    .command('list')
    .description('Lists the conversations.')
    .action(run(() => actions.chats('list', [], { format: 'markdown', tree: false })));
  chats
    .command('export')
    .description('Exports a conversation with its citations: the branch shown, or every branch with --tree.')
    .argument('<id>', 'a conversation id (see `hearth chats list`)')
    .addOption(new Option('--format <format>', 'the file format').choices(['markdown', 'json']).default('markdown'))
    .option('--tree', 'every branch, not only the one shown')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(
      run((id: string, options: { format: string; tree: boolean; out?: string }) =>
        actions.chats('export', [id], options),
      ),
    );
  needsSubcommand(chats);

  program
    .command('serve')
    .description('Runs the OpenAI-compatible local API on 127.0.0.1 until Ctrl-C; prints its URL and key.')
    .addOption(
      new Option(
        '--port <n>',
        'the port (default: the one in Settings, 4891 unless changed; 0 picks a free one)',
      ).argParser(integer('--port', 0, 65535)),
    )
    .action(run((options: { port?: number }) => actions.serve(options)));

  program
    .command('completion')
    .description(
      'Prints a bash completion script: `source <(hearth completion)` (with --json, as {"shell", "script"}).',
    )
    .action(run(() => actions.completion()));

  needsSubcommand(program);
  for (const command of allCommands(program))
    command.exitOverride((error) => {
      throw asUsageError(error, command);
    });
  return program;
}

/** Every command of the program, itself first. */
export function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

/** `hearth models` alone, or `hearth models bogus`: a usage error that lists what there is. */
function needsSubcommand(command: Command): void {
  command.usage(command.parent ? '<command> [options]' : '<command> [options]  (see the commands below)');
  command.argument('[command]').action((sub: string | undefined) => {
    const names = command.commands.map((child) => child.name());
    const path = commandPath(command);
    throw new UsageError(
      sub
        ? `Unknown command "${[path, sub].filter(Boolean).join(' ')}".`
        : path
          ? `\`hearth ${path}\` needs a command: ${names.join(', ')}.`
          : 'No command given.',
      path || undefined,
    );
  });
}

/** `models bench` for that command, '' for the program itself. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/**
 * Commander's own failure as a Hearth usage error, in Hearth's words: commander's texts name its
 * internals ("error: option '--limit <n>' argument '-5' is invalid."). Help shown on request is not
 * an error: it passes through as a `CommanderError` with exit code 0.
 */
function asUsageError(error: CommanderError, command: Command): Error {
  if (error.exitCode === 0) return error;
  const path = commandPath(command);
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const flag = quoted.split(' ')[0] ?? '';
  const top = path.split(' ')[0] || undefined;
  switch (error.code) {
    case 'commander.unknownOption':
      return new UsageError(`Unknown option ${JSON.stringify(quoted)}.`, top);
    case 'commander.optionMissingArgument':
      return new UsageError(`${flag} needs a value.`, top);
    case 'commander.missingMandatoryOptionValue':
      return new UsageError(`\`hearth ${path}\` needs ${flag}.`, top);
    case 'commander.invalidArgument': {
      const why = /is invalid\. (.*)$/.exec(error.message)?.[1];
      if (why) return new UsageError(why.replace(/^Allowed choices are /, `${flag} must be one of `), top);
      return new UsageError(`${flag} has a value Hearth cannot use.`, top);
    }
    case 'commander.missingArgument':
      return new UsageError(`\`hearth ${path}\` needs ${quoted ? `<${quoted}>` : 'an argument'}.`, top);
    case 'commander.excessArguments':
      return new UsageError(
        path ? `\`hearth ${path}\` was given more arguments than it takes.` : 'That is not one command.',
        top,
      );
    case 'commander.unknownCommand':
      return new UsageError(`Unknown command "${[path, quoted].filter(Boolean).join(' ')}".`, top);
    default:
      return new UsageError('The command line could not be read.', top);
  }
}

/** The top-level command names (`index`, `models`…), read from the program itself. */
export function commandNames(): string[] {
  const never = new Proxy({} as Actions, {
    get: () => () => Promise.reject(new Error('Only the command names are read here.')),
  });
  return buildProgram(
    never,
    () => undefined,
    () => undefined,
  ).commands.map((command) => command.name());
}
