import type { ComponentProps } from 'react';
import { cn } from '../lib/cn';

const TONES = {
  neutral: 'border-border text-muted-foreground',
  good: 'border-green-600/40 bg-green-600/10 text-green-800 dark:text-green-400',
  warn: 'border-amber-500/40 bg-amber-500/10 text-amber-800 dark:text-amber-400',
  bad: 'border-destructive/40 bg-destructive/10 text-destructive',
} as const;

export function Badge({
  className,
  tone = 'neutral',
  ...props
}: ComponentProps<'span'> & { tone?: keyof typeof TONES }) {
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium',
        TONES[tone],
        className,
      )}
      {...props}
    />
  );
}
