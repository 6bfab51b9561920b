import { X } from 'lucide-react';
import { keysLabel, useCommandList } from '../lib/commands';
import { Button } from '../ui/button';
import { Modal } from '../ui/modal';
import { useTranslation } from 'react-i18next';

/** Every keyboard shortcut the window has now, as this platform writes them (Mod+/). */
export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const commands = useCommandList().filter((command) => command.keys);
  const { t } = useTranslation();
  return (
    <Modal
      label={t('commands.shortcuts')}
      onClose={onClose}
      className="w-full max-w-md rounded-xl border border-border bg-card p-5 shadow-xl"
    >
      <div className="mb-3 flex items-center">
        <h2 className="font-semibold">{t('commands.shortcuts')}</h2>
        <Button variant="ghost" className="ml-auto px-1.5" aria-label={t('commands.closeShortcuts')} onClick={onClose}>
          <X className="size-4" aria-hidden />
        </Button>
      </div>
      <dl className="grid grid-cols-[1fr_max-content] gap-x-6 gap-y-1.5 text-sm">
        {commands.map((command) => (
          <div key={command.id} className="contents">
            <dt>{command.label}</dt>
            <dd>
              <kbd className="rounded border border-border px-1.5 py-0.5 text-xs">{keysLabel(command.keys!)}</kbd>
            </dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
