import { useRef, useState, type ReactNode } from 'react';
import { cn } from '../lib/cn';

export interface ResizableSheetProps {
  label: string;
  /** What the drag handle is called for assistive technology ("Resize source"). */
  resizeLabel: string;
  /** Width in pixels to start at. Defaults to 320. */
  defaultWidth?: number;
  /** The narrowest it may be dragged to. Defaults to 260. */
  minWidth?: number;
  /** The widest, as a share of the window. Defaults to 0.5. */
  maxShare?: number;
  className?: string;
  children: ReactNode;
}

/**
 * A panel on the right edge whose width the user sets: drag its left edge, or focus the edge and
 * use the arrow keys (a `separator` with its value, as assistive technology expects).
 */
export function ResizableSheet({
  label,
  resizeLabel,
  defaultWidth = 320,
  minWidth = 260,
  maxShare = 0.5,
  className,
  children,
}: ResizableSheetProps) {
  const [width, setWidth] = useState(defaultWidth);
  const dragging = useRef<{ startX: number; startWidth: number } | null>(null);
  const clamp = (value: number) => Math.round(Math.min(Math.max(value, minWidth), window.innerWidth * maxShare));
  return (
    <aside
      aria-label={label}
      className={cn('relative flex shrink-0 border-l border-border', className)}
      style={{ width }}
    >
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={resizeLabel}
        aria-valuenow={width}
        aria-valuemin={minWidth}
        tabIndex={0}
        className="absolute inset-y-0 -left-1 w-2 cursor-col-resize focus-visible:bg-ring/40 focus-visible:outline-none hover:bg-ring/20"
        onPointerDown={(event) => {
          dragging.current = { startX: event.clientX, startWidth: width };
          event.currentTarget.setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          if (dragging.current) setWidth(clamp(dragging.current.startWidth + dragging.current.startX - event.clientX));
        }}
        onPointerUp={() => (dragging.current = null)}
        onKeyDown={(event) => {
          const step = event.shiftKey ? 64 : 16;
          if (event.key === 'ArrowLeft') setWidth(clamp(width + step));
          else if (event.key === 'ArrowRight') setWidth(clamp(width - step));
        }}
      />
      <div className="flex min-w-0 flex-1 flex-col gap-3 overflow-y-auto p-4">{children}</div>
    </aside>
  );
}
