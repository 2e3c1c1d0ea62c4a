// Light, dark, or whatever the system says. The class on <html> is set by an inline script before
// the first paint (no flash of the wrong theme) and kept in step with the system setting.

export const THEME_KEY = 'console-theme';
export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

/** Runs in <head> before anything paints; also follows system changes while "system" is chosen. */
export const themeScript = `(function(){try{var k=${JSON.stringify(THEME_KEY)};var m=window.matchMedia('(prefers-color-scheme: dark)');var apply=function(){var c=localStorage.getItem(k);var d=c==='dark'||(c!=='light'&&m.matches);document.documentElement.classList.toggle('dark',d);};apply();m.addEventListener('change',apply);window.addEventListener('storage',apply);}catch(e){}})();`;

/** Applies a choice at once (the inline script covers later loads and system changes). */
export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
}
