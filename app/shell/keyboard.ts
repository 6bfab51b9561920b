import { useEffect } from 'react';
import { currentCommands, matchesKeys } from '../lib/commands';

/** Where typed keys are text, not shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Runs a registered command when its shortcut is pressed, anywhere in the window. In a text field
 * only `Mod` shortcuts and those marked `whileTyping` count, so typing "?" in a question stays "?";
 * and never during an IME composition.
 */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing || event.defaultPrevented) return;
      const typing = isTyping(event.target);
      for (const command of currentCommands()) {
        if (command.helpOnly || !command.keys || !matchesKeys(event, command.keys)) continue;
        if (typing && !(command.whileTyping ?? command.keys.startsWith('Mod+'))) continue;
        event.preventDefault();
        command.run();
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
