import { defaultDataDir } from './data-dir';

/** Each command's usage, shown by `hearth <command> --help` and after a usage error. */
export const COMMAND_HELP: Record<string, string> = {
  index: `hearth index <folder> [--collection NAME] [--include PATTERN]... [--exclude PATTERN]... [--hidden] [--follow-links] [--wait]
  Adds a folder to a collection (new or existing; named after the folder by default) and indexes it.
  --include / --exclude: gitignore-style patterns, relative to the folder (repeat for more).
  --hidden: index hidden files and folders too.
  --follow-links: follow links that lead out of the folder (by default they are listed as skipped).
  --wait: if the app (or another hearth) is indexing this library, wait for it instead of exiting with 3.`,
  library: `hearth library status [--slowest N]
  Collections, their folders, and their accounting: files found, indexed, skipped (with reasons), passages.
  --slowest: also the N files that took longest to read, with the time by stage.`,
  search: `hearth search <query> [--collection NAME]... [--mode auto|keyword|vector|hybrid] [--limit N]
  Searches the library; prints file, page or lines, and a snippet per hit. Every collection by default.`,
  ask: `hearth ask <question> [--collection NAME]... [--model ID]
  Answers from the library with checked citations, streaming; Ctrl-C stops and keeps what was written.
  --model: a chat model's id, name or file name (see \`hearth models list\`); the loaded or first installed one by default.`,
  eval: `hearth eval retrieval --questions FILE.tsv --collection NAME [--sweep]
  recall@1, recall@5 and MRR@10 of each search mode on a file of "question<TAB>relative path" lines.
  --sweep: also measure hybrid search at several vector weights.`,
  models: `hearth models list
hearth models import <file.gguf> [--copy]      use the file where it is (or copy it into Hearth's folder)
hearth models inspect <file.gguf | model>      metadata: architecture, parameters, quantization, context…
hearth models pull <catalog id | Hugging Face URL>   download, verify (SHA-256, GGUF) and install
hearth models bench <model> [--threads N]      speed on this machine for 1..N threads
hearth models rm <model>                       forget a model (deletes only files Hearth made)
  <model>: an installed model's id, name or file name (see \`hearth models list\`).`,
  chats: `hearth chats list
hearth chats export <id> [--format markdown|json] [--tree] [--out FILE]
  Exports a conversation with its citations: the branch shown, or every branch with --tree.`,
  serve: `hearth serve [--port N]
  Runs the OpenAI-compatible local API on 127.0.0.1 until Ctrl-C; prints its URL and key.
  --port: default the one in Settings (4891 unless changed); 0 picks a free one.`,
  completion: `hearth completion
  Prints a bash completion script: \`source <(hearth completion)\`, or save it in your completions folder.
  --json: the script as {"shell": "bash", "script": "…"}.`,
};

export function usage(): string {
  return `Usage:
${Object.values(COMMAND_HELP)
  .map((text) => `  ${text.replaceAll('\n', '\n  ')}`)
  .join('\n\n')}

Every command: --data-dir DIR (default ${defaultDataDir()} here, or HEARTH_DATA_DIR; a folder
that does not exist is refused unless --init), --json for output a script can read (errors too:
{"error": {"code", "message"}} on stdout), --help.
Exit codes: 0 done, 1 failed, 2 usage error, 3 busy (another Hearth process holds what is needed).`;
}

/** A bash completion script for the commands, subcommands and options above. */
export function completionScript(): string {
  const commands = Object.keys(COMMAND_HELP).join(' ');
  return `# hearth bash completion: source <(hearth completion)
_hearth() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" first="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${commands}" -- "$cur") ); return
  fi
  if [ "$COMP_CWORD" -eq 2 ]; then
    case "$first" in
      models) COMPREPLY=( $(compgen -W "list import inspect pull bench rm" -- "$cur") ); return ;;
      chats) COMPREPLY=( $(compgen -W "list export" -- "$cur") ); return ;;
      library) COMPREPLY=( $(compgen -W "status" -- "$cur") ); return ;;
      eval) COMPREPLY=( $(compgen -W "retrieval" -- "$cur") ); return ;;
    esac
  fi
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "--collection --data-dir --init --json --help --mode --limit --model --questions --sweep --port --copy --threads --format --tree --out --include --exclude --hidden --follow-links --slowest --wait" -- "$cur") )
    return
  fi
  COMPREPLY=( $(compgen -f -- "$cur") )
}
complete -F _hearth hearth
`;
}
