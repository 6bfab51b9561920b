import type { ComponentProps } from 'react';
import { cn } from '../lib/cn';

export const inputClass =
  'w-full rounded-md border border-border bg-background px-2.5 py-1.5 text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(inputClass, className)} {...props} />;
}

/** A label above its control, with an optional hint under it. */
export function Field({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{label}</span>
      {children}
      {hint && <span className="text-xs text-muted-foreground">{hint}</span>}
    </label>
  );
}

/**
 * A narrow number box that reports only values within [min, max] (and whole numbers when
 * `integer`): typing "1" on the way to "15" never saves a value out of range.
 */
export function NumberInput({
  value,
  min,
  max,
  integer = false,
  onValue,
  className,
  ...props
}: Omit<ComponentProps<'input'>, 'value' | 'onChange' | 'type' | 'min' | 'max'> & {
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  onValue(value: number): void;
}) {
  return (
    <input
      type="number"
      className={cn(inputClass, 'w-20', className)}
      min={min}
      max={max}
      value={value}
      onChange={(event) => {
        const next = Number(event.target.value);
        if (next >= min && next <= max && (!integer || Number.isInteger(next))) onValue(next);
      }}
      {...props}
    />
  );
}
