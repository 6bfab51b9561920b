import { useEffect, useRef, type ReactNode } from 'react';
import { useFocusTrap } from '../lib/use-focus-trap';

/**
 * What every modal of the window shares: a dimmed backdrop that closes it when clicked, a dialog
 * labelled for assistive technology that keeps focus inside (and gives it back), and Escape to
 * close. `placement` puts the dialog in the middle or against the right edge (a side sheet).
 */
export function Modal({
  label,
  onClose,
  placement = 'center',
  className,
  children,
}: {
  label: string;
  onClose(): void;
  placement?: 'center' | 'right';
  className?: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div
      className={
        placement === 'center'
          ? 'fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-6'
          : 'fixed inset-0 z-40 bg-black/30'
      }
      onClick={onClose}
    >
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        className={className}
        onClick={(event) => event.stopPropagation()}
      >
        {children}
      </div>
    </div>
  );
}
