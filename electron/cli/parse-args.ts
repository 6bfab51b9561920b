import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `node:util`'s parseArgs, with its failures said in Hearth's words (its own messages name its
 * internals and suggest `--foo=-bar` forms), and with negative numbers taken as values:
 * `--limit -5` is a value out of range, not an ambiguous option. `command` is the command being
 * typed, whose help a usage error points to.
 */
export function parseCommandLine<T extends Options>(argv: string[], command: string | undefined, options: T) {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const option = arg.startsWith('--') ? options[arg.slice(2)] : undefined;
    const next = argv[i + 1];
    if (option?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
    } else args.push(arg);
  }
  try {
    return parseArgs({ args, allowPositionals: true, options, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error as NodeJS.ErrnoException, options), command);
  }
}

function describeParseError(error: NodeJS.ErrnoException, options: Options): string {
  // Node quotes what it could not read: "Unknown option '--bogus'", "Option '--limit <value>' argument missing".
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${JSON.stringify(quoted)}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = quoted.split(' ')[0]!.replace(/^-+/, '').split('=')[0]!;
      return options[name]?.type === 'boolean' ? `--${name} takes no value.` : `--${name} needs a value.`;
    }
    default:
      return 'The command line could not be read.';
  }
}
