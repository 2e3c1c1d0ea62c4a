'use client';

import { useEffect } from 'react';

/** Text fields, where "/" is just a character. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * "/" focuses the page's search field (the first visible element marked data-search), as on
 * GitHub and most consoles. Escape is handled by each drawer (useEscape).
 */
export function KeyboardShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const field = [...document.querySelectorAll<HTMLElement>('[data-search]')].find((el) => el.offsetParent !== null);
      if (!field) return;
      e.preventDefault();
      field.focus();
      if (field instanceof HTMLInputElement) field.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return null;
}
