// Light or dark: the system's preference (prefers-color-scheme) unless the
// reader chose one, remembered in localStorage. The resolved theme is set as
// data-theme on <html> (theme.css keys its colours on it) and announced to
// the plots, which repaint in the new colours.
import { THEME_CHANGED } from '../lib/plot/themed';

export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'fitbook:theme';
const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;

function stored(): ThemeChoice {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

export const theme = $state<{ choice: ThemeChoice }>({ choice: stored() });

export function resolvedTheme(choice: ThemeChoice = theme.choice): 'light' | 'dark' {
  return choice === 'system' ? (query?.matches ? 'dark' : 'light') : choice;
}

function apply(): void {
  if (typeof document === 'undefined') return;
  const next = resolvedTheme();
  if (document.documentElement.dataset.theme === next) return;
  document.documentElement.dataset.theme = next;
  window.dispatchEvent(new Event(THEME_CHANGED));
}

export function chooseTheme(choice: ThemeChoice): void {
  theme.choice = choice;
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Not remembered; the choice still holds for this page.
  }
  apply();
}

query?.addEventListener('change', apply);
apply();
