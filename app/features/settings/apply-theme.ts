import type { Theme } from '../../../electron/ipc/contract';

const darkQuery = '(prefers-color-scheme: dark)';

/** Puts `dark` on <html> when the theme (or, for `system`, the OS) asks for it. */
export function applyTheme(theme: Theme): void {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia(darkQuery).matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.dataset['theme'] = theme;
}

/** Re-applies `system` when the OS switches between light and dark. */
export function watchSystemTheme(getTheme: () => Theme): () => void {
  const query = window.matchMedia(darkQuery);
  const onChange = () => {
    if (getTheme() === 'system') applyTheme('system');
  };
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
