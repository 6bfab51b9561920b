import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from './button';
import { Modal } from './modal';
import { useTranslation } from 'react-i18next';

/**
 * A modal panel over the right edge, for settings that belong to one thing on the screen (a
 * model's): the screen stays where it was behind it.
 */
export function SideSheet({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Modal
      label={title}
      onClose={onClose}
      placement="right"
      className="absolute inset-y-0 right-0 flex w-full max-w-md flex-col border-l border-border bg-background shadow-xl"
    >
      <div className="flex items-center gap-2 border-b border-border px-5 py-3">
        <h2 className="truncate font-semibold">{title}</h2>
        <Button variant="ghost" className="ml-auto px-1.5" aria-label={t('common.close')} onClick={onClose}>
          <X className="size-4" aria-hidden />
        </Button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-5 pb-5">{children}</div>
    </Modal>
  );
}
