import type { ComponentProps } from 'react';
import { cn } from '../lib/cn';

const VARIANTS = {
  primary: 'bg-primary text-primary-foreground hover:opacity-90',
  secondary: 'border border-border bg-card hover:bg-accent',
  ghost: 'hover:bg-accent',
  danger: 'border border-destructive/40 text-destructive hover:bg-destructive/10',
} as const;

export function Button({
  className,
  variant = 'secondary',
  type = 'button',
  ...props
}: ComponentProps<'button'> & { variant?: keyof typeof VARIANTS }) {
  return (
    <button
      type={type}
      className={cn(
        // One line: a longer translation widens the button instead of stacking its words.
        'inline-flex shrink-0 items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap',
        'focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none disabled:pointer-events-none disabled:opacity-50',
        VARIANTS[variant],
        className,
      )}
      {...props}
    />
  );
}
