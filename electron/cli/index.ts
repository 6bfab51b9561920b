/**
 * `hearth`: the same services as the desktop app, in plain Node, on the same data folder. Each
 * command's usage is in help.ts (`hearth <command> --help`).
 *
 * Exit codes: 0 done, 1 failed, 2 usage error, 3 busy (another Hearth process holds the library or
 * the port; with --wait, `index` waits for it instead).
 */
import { availableParallelism } from 'node:os';
import { basename, resolve } from 'node:path';
import type { Notice } from '../ipc/contract';
import { toErrorData } from '../ipc/errors';
import { createServices, type Services } from '../services';
import { dataDirFor } from './data-dir';
import { parseCommandLine } from './parse-args';
import { formatSlowDocument, formatStoreRecovered } from '../ipc/format';
import { progressLine, progressMode, progressPrinter } from './progress';
import { runAsk } from './ask-command';
import { runServe } from './serve-command';
import { runEvalRetrieval, runSearch } from './search-commands';
import { SearchModeSchema } from '../ipc/schemas/search';
import { runChats } from './chats-commands';
import { COMMAND_HELP, completionScript, usage } from './help';
import { runModels } from './models-commands';
import { UsageError } from './usage';
import type { ForkEntry } from '../services/workers/child-process';
import { processIo, type CliIo } from './cli-io';
import { safeIo } from './terminal-text';

async function runCommand(argv: string[], host: CliHost, io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(
    argv,
    argv.find((arg) => arg in COMMAND_HELP),
    {
      collection: { type: 'string', multiple: true, default: [] },
      'data-dir': { type: 'string' },
      init: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      wait: { type: 'boolean', default: false },
      include: { type: 'string', multiple: true, default: [] },
      exclude: { type: 'string', multiple: true, default: [] },
      hidden: { type: 'boolean', default: false },
      'follow-links': { type: 'boolean', default: false },
      slowest: { type: 'string' },
      mode: { type: 'string', default: 'auto' },
      limit: { type: 'string', default: '10' },
      questions: { type: 'string' },
      sweep: { type: 'boolean', default: false },
      model: { type: 'string' },
      port: { type: 'string' },
      copy: { type: 'boolean', default: false },
      threads: { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      tree: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  );
  const print = (value: unknown) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  if (values.help) {
    const help = positionals[0] ? COMMAND_HELP[positionals[0]] : undefined;
    io.stdout.write(`${help ? `Usage:\n  ${help.replaceAll('\n', '\n  ')}` : usage()}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command !== undefined && !(command in COMMAND_HELP)) throw new UsageError(`Unknown command "${command}".`);
  let dataDir = '';
  const open = () => {
    dataDir = dataDirFor({ given: values['data-dir'], init: values.init, env: io.env });
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
      io.stderr.write(`${values.json ? JSON.stringify({ notice }) : describeNotice(notice)}\n`);
    }
    return services;
  };

  if (command === 'index') {
    if (rest.length !== 1) throw new UsageError('`hearth index` takes one folder.', 'index');
    if (values.collection.length > 1) throw new UsageError('`hearth index` takes one --collection.', 'index');
    if (values.collection.length === 1 && !values.collection[0]!.trim()) {
      throw new UsageError('--collection needs a name.', 'index');
    }
    const folder = resolve(rest[0]!);
    return withServices(open(), async (services) => {
      // Checked before anything is written: a mistyped path must not leave an empty collection.
      services.library.requireFolder(folder);
      const collection = services.library.createCollection(values.collection[0] ?? basename(folder));
      services.library.addFolder(collection.id, folder, {
        include: values.include,
        exclude: values.exclude,
        includeHidden: values.hidden,
        followLinks: values['follow-links'],
      });
      const printer = progressPrinter(io.stderr, progressMode(values.json, io.stderr));
      const controller = new AbortController();
      const stopListening = io.onInterrupt(() => controller.abort());
      try {
        const report = await services.library.index(collection.id, {
          signal: controller.signal,
          onProgress: (update) => printer.update(update),
          waitForLock: values.wait,
          onWaiting: (message) => io.stderr.write(`${message}\n`),
        });
        printer.end();
        if (values.json) print({ collection: collection.name, folder, report });
        else io.stdout.write(`${collection.name}: ${progressLine(report)}\n`);
        return 0;
      } finally {
        printer.end();
        stopListening();
      }
    });
  }
  if (command === 'library') {
    if (rest[0] !== 'status') {
      throw new UsageError(
        rest[0] ? `Unknown command "library ${rest[0]}".` : '`hearth library` needs a command: status.',
        'library',
      );
    }
    if (rest.length > 1) throw new UsageError('`hearth library status` takes no arguments.', 'library');
    const slowest = values.slowest === undefined ? 0 : Number(values.slowest);
    if (!Number.isInteger(slowest) || slowest < 0 || slowest > 100) {
      throw new UsageError('--slowest must be 1 to 100.', 'library');
    }
    return withServices(open(), async (services) => {
      const collections = services.library.collections().map((collection) => ({
        ...collection,
        ...(slowest ? { slowest: services.library.slowest(collection.id, slowest) } : {}),
      }));
      if (values.json) print({ dataDir, collections });
      else if (!collections.length) io.stdout.write(`No collections in ${dataDir}.\n`);
      else
        for (const c of collections) {
          io.stdout.write(`${c.name} (${c.folders.join(', ')}): ${progressLine(c.report)}\n`);
          for (const file of c.slowest ?? []) io.stdout.write(`  ${formatSlowDocument(file)}\n`);
        }
      return 0;
    });
  }
  if (command === 'search') {
    const query = rest.join(' ').trim();
    if (!query) throw new UsageError('`hearth search` needs a query.', 'search');
    const mode = SearchModeSchema.safeParse(values.mode);
    if (!mode.success) throw new UsageError(`--mode must be one of ${SearchModeSchema.options.join(', ')}.`, 'search');
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new UsageError('--limit must be 1 to 50.', 'search');
    return withServices(open(), (services) =>
      runSearch(services, { query, collections: values.collection, mode: mode.data, limit, json: values.json }, io),
    );
  }
  if (command === 'ask') {
    const question = rest.join(' ').trim();
    if (!question) throw new UsageError('`hearth ask` needs a question.', 'ask');
    return withServices(open(), (services) =>
      runAsk(services, { question, collections: values.collection, model: values.model, json: values.json }, io),
    );
  }
  if (command === 'eval') {
    if (rest[0] !== 'retrieval' || rest.length > 1) {
      throw new UsageError(
        rest[0] ? `Unknown command "eval ${rest.join(' ')}".` : '`hearth eval` needs a command: retrieval.',
        'eval',
      );
    }
    if (!values.questions) throw new UsageError('`hearth eval retrieval` needs --questions FILE.tsv.', 'eval');
    if (values.collection.length !== 1) throw new UsageError('`hearth eval retrieval` needs one --collection.', 'eval');
    return withServices(open(), (services) =>
      runEvalRetrieval(
        services,
        {
          questionsFile: resolve(values.questions!),
          collection: values.collection[0]!,
          json: values.json,
          sweep: values.sweep,
        },
        io,
      ),
    );
  }
  if (command === 'completion') {
    if (rest.length) throw new UsageError('`hearth completion` takes no arguments.', 'completion');
    if (values.json) print({ shell: 'bash', script: completionScript() });
    else io.stdout.write(completionScript());
    return 0;
  }
  if (command === 'models') {
    const threads = values.threads === undefined ? undefined : Number(values.threads);
    if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > 64)) {
      throw new UsageError('--threads must be 1 to 64.', 'models');
    }
    return withServices(open(), (services) =>
      runModels(services, rest[0], rest.slice(1), { json: values.json, copy: values.copy, threads }, io),
    );
  }
  if (command === 'chats') {
    return withServices(open(), (services) =>
      runChats(
        services,
        rest[0],
        rest.slice(1),
        {
          json: values.json,
          format: values.format,
          tree: values.tree,
          out: values.out && resolve(values.out),
        },
        io,
      ),
    );
  }
  if (command === 'serve') {
    if (rest.length) throw new UsageError('`hearth serve` takes no arguments.', 'serve');
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      throw new UsageError('--port must be 0 to 65535.', 'serve');
    }
    return withServices(open(), (services) => runServe(services, { port, json: values.json }, io));
  }
  throw new UsageError('No command given.');
}

/** A start-up notice as one line for the terminal. */
function describeNotice(notice: Notice): string {
  if (notice.kind === 'store.private') {
    return `Hearth made its data private to your user account: other users could read ${notice.data.paths.join(', ')}.`;
  }
  const { headline, details } = formatStoreRecovered(notice.data);
  return `${headline} ${details}`;
}

async function withServices(services: Services, run: (services: Services) => Promise<number>): Promise<number> {
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
