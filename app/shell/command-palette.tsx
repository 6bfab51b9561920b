import { Command as Palette } from 'cmdk';
import { Dialog, VisuallyHidden } from 'radix-ui';
import { keysLabel, useCommandList, type Command } from '../lib/commands';
import { useTranslation } from 'react-i18next';

/**
 * The command palette (Mod+K): every action the window has now, by name, with its shortcut. cmdk
 * filters as one types; Radix's dialog keeps focus inside and gives it back when closed.
 */
export function CommandPalette({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const commands = useCommandList().filter((command) => !command.helpOnly);
  const groups = [...new Set(commands.map((command) => command.group))];
  const { t } = useTranslation();
  const run = (command: Command) => {
    onOpenChange(false);
    command.run();
  };
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed top-24 left-1/2 z-50 w-full max-w-lg -translate-x-1/2 overflow-hidden rounded-xl border border-border bg-card text-foreground shadow-xl"
        >
          <VisuallyHidden.Root>
            <Dialog.Title>{t('commands.palette')}</Dialog.Title>
          </VisuallyHidden.Root>
          <Palette label={t('commands.commands')}>
            <Palette.Input
              placeholder={t('commands.placeholder')}
              className="w-full border-b border-border bg-transparent px-4 py-3 text-sm outline-none"
            />
            <Palette.List className="max-h-80 overflow-y-auto p-2">
              <Palette.Empty className="px-2 py-3 text-sm text-muted-foreground">{t('commands.noMatch')}</Palette.Empty>
              {groups.map((group) => (
                <Palette.Group
                  key={group}
                  heading={t(`commands.group.${group}`)}
                  className="text-xs text-muted-foreground [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1"
                >
                  {commands
                    .filter((command) => command.group === group)
                    .map((command) => (
                      <Palette.Item
                        key={command.id}
                        value={command.label}
                        onSelect={() => run(command)}
                        className="flex cursor-pointer items-center justify-between rounded-md px-2 py-1.5 text-sm text-foreground data-[selected=true]:bg-accent"
                      >
                        {command.label}
                        {command.keys && <kbd className="text-xs text-muted-foreground">{keysLabel(command.keys)}</kbd>}
                      </Palette.Item>
                    ))}
                </Palette.Group>
              ))}
            </Palette.List>
          </Palette>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
