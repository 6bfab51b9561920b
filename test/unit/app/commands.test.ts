import { describe, expect, it } from 'vitest';
import { keysLabel, matchesKeys, type KeyPress } from '../../../app/lib/commands';

/** A keydown as the browser gives it: the key, and which modifiers were held. */
const press = (key: string, held: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
  ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...held }) satisfies KeyPress;

describe('keyboard shortcuts', () => {
  it('resolve Mod to ⌘ on macOS and Ctrl elsewhere, and want exactly the modifiers named', () => {
    expect(matchesKeys(press('k', { ctrlKey: true }), 'Mod+K', false)).toBe(true);
    expect(matchesKeys(press('k', { metaKey: true }), 'Mod+K', true)).toBe(true);
    expect(matchesKeys(press('k', { metaKey: true }), 'Mod+K', false)).toBe(false);
    expect(matchesKeys(press('k', { ctrlKey: true }), 'Mod+K', true)).toBe(false);
    expect(matchesKeys(press('k'), 'Mod+K', false)).toBe(false);
    expect(matchesKeys(press('R', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+R', false)).toBe(true);
    expect(matchesKeys(press('r', { ctrlKey: true }), 'Mod+Shift+R', false)).toBe(false);
    expect(matchesKeys(press('k', { ctrlKey: true, altKey: true }), 'Mod+K', false)).toBe(false);
    expect(matchesKeys(press('Escape'), 'Escape', false)).toBe(true);
  });

  it('are written as each platform writes them', () => {
    expect(keysLabel('Mod+Shift+R', true)).toBe('⌘⇧R');
    expect(keysLabel('Mod+Shift+R', false)).toBe('Ctrl+Shift+R');
    expect(keysLabel('Escape', true)).toBe('Esc');
    expect(keysLabel('Mod+,', false)).toBe('Ctrl+,');
  });
});
