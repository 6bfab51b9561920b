import type { Command } from 'commander';
import { allCommands, commandPath } from './program';

/**
 * A bash completion script derived from the program (program.ts): each command's subcommands, and
 * each command's own options plus the ones every command takes. Nothing here is listed by hand.
 */
export function completionScript(program: Command): string {
  const globals = program.options.map((option) => option.long!).filter(Boolean);
  const cases = allCommands(program)
    .filter((command) => command !== program)
    .map((command) => {
      const words = [
        ...command.commands.map((child) => child.name()),
        ...command.options.map((option) => option.long!).filter(Boolean),
        ...globals,
        '--help',
      ];
      return `    "${commandPath(command)}") words="${words.join(' ')}" ;;`;
    });
  const top = [...program.commands.map((command) => command.name()), ...globals, '--help'].join(' ');
  return `# hearth bash completion: source <(hearth completion)
_hearth() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" words="${top}" word
  # The command typed so far: the words before the cursor that are not options.
  for word in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$word" in -*) ;; *) case " $words " in *" $word "*) path="\${path:+$path }$word" ;; esac ;; esac
    case "$path" in
${cases.join('\n')}
    esac
  done
  if [[ "$cur" == -* || -n "$words" ]]; then
    COMPREPLY=( $(compgen -W "$words" -- "$cur") )
  fi
  [[ \${#COMPREPLY[@]} -eq 0 ]] && COMPREPLY=( $(compgen -f -- "$cur") )
}
complete -F _hearth hearth
`;
}
