/**
 * `hearth`: the same services as the desktop app, in plain Node, on the same data folder. The
 * commands, their options and their help are defined once in program.ts; what each does is here.
 *
 * Exit codes: 0 done, 1 failed, 2 usage error, 3 busy (another Hearth process holds the library or
 * the port; with --wait, `index` waits for it instead).
 */
import { availableParallelism } from 'node:os';
import { basename, resolve } from 'node:path';
import type { Notice } from '../ipc/contract';
import { toErrorData } from '../ipc/errors';
import type { Services } from '../services';
import { CommanderError } from 'commander';
import { completionScript } from './completion';
import { dataDirFor } from './data-dir';
import { buildProgram, type Actions, type GlobalOptions } from './program';
import { formatSlowDocument, formatStoreRecovered } from '../ipc/format';
import { progressLine, progressMode, progressPrinter } from './progress';
import { UsageError } from './usage';
import type { ForkEntry } from '../services/workers/child-process';
import { endQuietlyOnClosedPipes, processIo, type CliIo } from './cli-io';
import { safeIo } from './terminal-text';

async function runCommand(argv: string[], host: CliHost, io: CliIo): Promise<number> {
  let exitCode = 0;
  let globals: GlobalOptions = { init: false, json: false };
  const print = (value: unknown) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  let dataDir = '';
  // The services (SQLite, llama.cpp, every reader) load only for a command that needs them:
  // `hearth --help` and `hearth completion` start without them.
  const open = async () => {
    dataDir = dataDirFor({ given: globals.dataDir, init: globals.init, env: io.env });
    const { createServices } = await import('../services');
    const services = createServices({
      dataDir,
      appVersion: 'cli',
      emit: () => undefined,
      backgroundTasks: false,
      apiServer: false,
      vecExtensionPath: host.vecExtensionPath,
      fork: host.fork,
      llama: { maxThreads: host.maxThreads ?? (Number(io.env['HEARTH_MAX_THREADS']) || availableParallelism()) },
    });
    // What opening the data folder did on the user's behalf is said once, before any output.
    for (const notice of services.notices.list()) {
      io.stderr.write(`${globals.json ? JSON.stringify({ notice }) : describeNotice(notice)}\n`);
    }
    return services;
  };

  const actions: Actions = {
    index: (folderArgument, options) => {
      if (options.collection.length > 1) throw new UsageError('`hearth index` takes one --collection.', 'index');
      if (options.collection.length === 1 && !options.collection[0]!.trim()) {
        throw new UsageError('--collection needs a name.', 'index');
      }
      const folder = resolve(folderArgument);
      return withServices(open, async (services) => {
        // Checked before anything is written: a mistyped path must not leave an empty collection.
        services.library.requireFolder(folder);
        const collection = services.library.createCollection(options.collection[0] ?? basename(folder));
        services.library.addFolder(collection.id, folder, {
          include: options.include,
          exclude: options.exclude,
          includeHidden: options.hidden,
          followLinks: options.followLinks,
        });
        const printer = progressPrinter(io.stderr, progressMode(globals.json, io.stderr));
        const controller = new AbortController();
        const stopListening = io.onInterrupt(() => controller.abort());
        try {
          const report = await services.library.index(collection.id, {
            signal: controller.signal,
            onProgress: (update) => printer.update(update),
            waitForLock: options.wait,
            onWaiting: ({ pid }) =>
              io.stderr.write(
                `Another Hearth process${pid ? ` (pid ${pid})` : ''} is indexing this library. Waiting for it to finish…\n`,
              ),
          });
          printer.end();
          if (globals.json) print({ collection: collection.name, folder, report });
          else io.stdout.write(`${collection.name}: ${progressLine(report)}\n`);
          return 0;
        } finally {
          printer.end();
          stopListening();
        }
      });
    },
    libraryStatus: ({ slowest }) =>
      withServices(open, async (services) => {
        const collections = services.library.collections().map((collection) => ({
          ...collection,
          ...(slowest ? { slowest: services.library.slowest(collection.id, slowest) } : {}),
        }));
        if (globals.json) print({ dataDir, collections });
        else if (!collections.length) io.stdout.write(`No collections in ${dataDir}.\n`);
        else
          for (const c of collections) {
            io.stdout.write(
              `${c.name} (${c.sources.map((source) => source.path).join(', ')}): ${progressLine(c.report)}\n`,
            );
            for (const file of c.slowest ?? []) io.stdout.write(`  ${formatSlowDocument(file)}\n`);
          }
        return 0;
      }),
    search: (query, options) => {
      if (!query) throw new UsageError('`hearth search` needs a query.', 'search');
      return withServices(open, async (services) =>
        (await import('./search-commands')).runSearch(
          services,
          { query, collections: options.collection, mode: options.mode, limit: options.limit, json: globals.json },
          io,
        ),
      );
    },
    ask: (question, options) => {
      if (!question) throw new UsageError('`hearth ask` needs a question.', 'ask');
      return withServices(open, async (services) =>
        (await import('./ask-command')).runAsk(
          services,
          { question, collections: options.collection, model: options.model, json: globals.json },
          io,
        ),
      );
    },
    evalRetrieval: (options) => {
      if (options.collection.length !== 1)
        throw new UsageError('`hearth eval retrieval` needs one --collection.', 'eval');
      return withServices(open, async (services) =>
        (await import('./search-commands')).runEvalRetrieval(
          services,
          {
            questionsFile: resolve(options.questions),
            collection: options.collection[0]!,
            json: globals.json,
            sweep: options.sweep,
            fileRanking: options.fileRanking,
          },
          io,
        ),
      );
    },
    models: (sub, args, options) =>
      withServices(open, async (services) =>
        (await import('./models-commands')).runModels(services, sub, args, { json: globals.json, ...options }, io),
      ),
    chats: (sub, args, options) =>
      withServices(open, async (services) =>
        (await import('./chats-commands')).runChats(
          services,
          sub,
          args,
          { json: globals.json, ...options, out: options.out && resolve(options.out) },
          io,
        ),
      ),
    serve: (options) =>
      withServices(open, async (services) =>
        (await import('./serve-command')).runServe(services, { port: options.port, json: globals.json }, io),
      ),
    completion: async () => {
      const script = completionScript(program);
      if (globals.json) print({ shell: 'bash', script });
      else io.stdout.write(script);
      return 0;
    },
  };
  const program = buildProgram(
    actions,
    (text) => io.stdout.write(text),
    (code) => (exitCode = code),
  );
  program.hook('preAction', (_program, command) => {
    const given = command.optsWithGlobals<Partial<GlobalOptions>>();
    globals = { dataDir: given.dataDir, init: given.init === true, json: given.json === true };
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    // Help asked for: shown, and done.
    if (error instanceof CommanderError && error.exitCode === 0) return 0;
    throw error;
  }
  return exitCode;
}

/** A start-up notice as one line for the terminal. */
function describeNotice(notice: Notice): string {
  if (notice.kind === 'store.private') {
    return `Hearth made its data private to your user account: other users could read ${notice.data.paths.join(', ')}.`;
  }
  const { headline, details } = formatStoreRecovered(notice.data);
  return `${headline} ${details}`;
}

async function withServices(
  open: () => Promise<Services>,
  run: (services: Services) => Promise<number>,
): Promise<number> {
  const services = await open();
  try {
    return await run(services);
  } finally {
    await services.dispose();
  }
}

/** What the process running the CLI provides: the packaged app knows where its native parts are. */
export interface CliHost {
  /** sqlite-vec's library; defaults to the installed package's own path. */
  vecExtensionPath?: string;
  /** llama.cpp threads at most; defaults to HEARTH_MAX_THREADS, else every core. */
  maxThreads?: number;
  /** How the indexing process starts; defaults to Node's `child_process.fork` (the app: utilityProcess). */
  fork?: ForkEntry;
  /** Streams, environment and interrupts; defaults to this process's own (a test passes its own). */
  io?: CliIo;
}

/** Runs one `hearth` command line and returns its exit code; errors are printed, never thrown. */
export async function runCli(argv: string[], host: CliHost = {}): Promise<number> {
  // Everything printed is made safe for a terminal here, once: file names, file text and model answers included.
  const io = safeIo(host.io ?? processIo);
  if (!host.io) endQuietlyOnClosedPipes();
  try {
    return await runCommand(argv, host, io);
  } catch (error) {
    const failure = describeFailure(error);
    // Under --json a script reads stdout: the error is JSON there too, and nothing is on stderr.
    if (argv.includes('--json'))
      io.stdout.write(`${JSON.stringify({ error: { code: failure.code, message: failure.message } })}\n`);
    else io.stderr.write(`hearth: ${failure.message}\n`);
    if (failure.code === 'INTERNAL' && io.env['HEARTH_DEBUG'])
      io.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    return failure.exit;
  }
}

/**
 * A failure as one line for a person, with its code and exit status: 2 for a command line that
 * cannot run (and which command's help to read), 3 when another Hearth process holds what is
 * needed, 1 for anything else. Never a stack trace or a source path: the CLI keeps no log, and an
 * unexpected error says how to see its details (HEARTH_DEBUG=1) instead.
 */
function describeFailure(error: unknown): { code: string; message: string; exit: number } {
  if (error instanceof UsageError) {
    const help = error.command ? `hearth ${error.command} --help` : 'hearth --help';
    return { code: 'USAGE', message: `${oneLine(error.message)} See \`${help}\`.`, exit: 2 };
  }
  const data = toErrorData(error);
  const message =
    data.code === 'INTERNAL'
      ? `Something went wrong inside Hearth (${error instanceof Error ? error.name : typeof error}). Run it again with HEARTH_DEBUG=1 to see where.`
      : inCliWords(oneLine(data.message));
  return { code: data.code, message, exit: data.code === 'BUSY' ? 3 : 1 };
}

/** The services speak of the app's screens; a terminal has commands instead. */
function inCliWords(message: string): string {
  return message.replace(/ in Models\b/g, ' with `hearth models pull` or `hearth models import`');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
