import { X } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useFocusTrap } from '../lib/use-focus-trap';
import { Button } from './button';

/**
 * A modal panel sliding over the right edge, for settings that belong to one thing on the screen
 * (a model's): the screen stays where it was behind it. Focus stays inside; Escape, the close
 * button or a click outside closes it.
 */
export function SideSheet({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const sheet = useRef<HTMLDivElement>(null);
  useFocusTrap(sheet);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-40 bg-black/30" onClick={onClose}>
      <div
        ref={sheet}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        className="absolute inset-y-0 right-0 flex w-full max-w-md flex-col border-l border-border bg-background shadow-xl"
        onClick={(event) => event.stopPropagation()}
      >
        <div className="flex items-center gap-2 border-b border-border px-5 py-3">
          <h2 className="truncate font-semibold">{title}</h2>
          <Button variant="ghost" className="ml-auto px-1.5" aria-label="Close" onClick={onClose}>
            <X className="size-4" aria-hidden />
          </Button>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-5 pb-5">{children}</div>
      </div>
    </div>
  );
}
