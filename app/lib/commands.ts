import { useEffect, useSyncExternalStore } from 'react';

/**
 * An action the keyboard and the command palette reach. `keys` is a shortcut in a platform-neutral
 * form: `Mod` is ⌘ on macOS and Ctrl elsewhere (`Mod+N`, `Mod+Shift+R`, `Escape`, `?`).
 */
export interface Command {
  id: string;
  /** As the window shows it, in its language. */
  label: string;
  /** The palette's heading it is listed under (`commands.group.*`). */
  group: 'go' | 'chat' | 'help';
  keys?: string;
  /** Also while typing in a field (a `Mod` shortcut, Escape). Defaults to `true` for `Mod` keys. */
  whileTyping?: boolean;
  /** Listed in the shortcuts help only: the key is handled where it is typed (Enter sends). */
  helpOnly?: boolean;
  run(): void;
}

const registered = new Map<string, Command>();
const listeners = new Set<() => void>();
let snapshot: Command[] = [];

function publish(): void {
  snapshot = [...registered.values()];
  for (const listener of listeners) listener();
}

/**
 * Registers `commands` while the calling component is mounted: the shell's own (go to a screen,
 * help), and each screen's while it is shown (a chat's Stop and Regenerate). A later registration
 * of the same id wins until it is gone.
 */
export function useCommands(commands: readonly Command[]): void {
  useEffect(() => {
    for (const command of commands) registered.set(command.id, command);
    publish();
    return () => {
      for (const command of commands) if (registered.get(command.id) === command) registered.delete(command.id);
      publish();
    };
  }, [commands]);
}

/** Every command available now. */
export function useCommandList(): readonly Command[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => snapshot,
  );
}

/** The commands available now, outside React (the keyboard handler). */
export function currentCommands(): readonly Command[] {
  return snapshot;
}

export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform);
}

/** What a shortcut is matched on: a keydown's key and modifiers. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Whether `event` is the shortcut `keys` (`Mod` resolved for this platform). */
export function matchesKeys(event: KeyPress, keys: string, mac = isMac()): boolean {
  const parts = keys.split('+');
  const key = parts.pop()!;
  const wanted = new Set(parts);
  const mod = mac ? event.metaKey : event.ctrlKey;
  if (wanted.has('Mod') !== mod || wanted.has('Shift') !== event.shiftKey || wanted.has('Alt') !== event.altKey) {
    // `?` is typed with Shift on most layouts: the character is what counts.
    if (!(key === '?' && !mod && !event.altKey)) return false;
  }
  if ((mac ? event.ctrlKey : event.metaKey) && !wanted.has('Ctrl')) return false;
  return event.key.toLowerCase() === key.toLowerCase();
}

/** `Mod+Shift+R` as this platform writes it: `⌘⇧R` on macOS, `Ctrl+Shift+R` elsewhere. */
export function keysLabel(keys: string, mac = isMac()): string {
  const parts = keys.split('+');
  if (!mac) return parts.map((part) => (part === 'Mod' ? 'Ctrl' : part)).join('+');
  const symbols: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃', Escape: 'Esc' };
  return parts.map((part) => symbols[part] ?? part).join('');
}
