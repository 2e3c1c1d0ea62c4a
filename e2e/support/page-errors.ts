import type { BrowserContext, ConsoleMessage, WebError } from '@playwright/test';

// Collects what a user never sees but a broken page always leaves behind: uncaught exceptions
// (React's hydration mismatch #418 among them, reported through window.reportError) and console
// errors. Every page of the browser context is watched, including ones opened later.

export interface PageError {
  kind: 'pageerror' | 'console';
  /** The message, with the address of the script or resource it came from. */
  text: string;
}

export interface PageErrorCollector {
  /** Declares a console error this test provokes on purpose (a 4xx, say); it is then not reported. */
  allow(pattern: RegExp): void;
  /** Everything collected so far that no `allow` pattern matches. */
  unexpected(): PageError[];
  /** Forgets what was collected (the allowed patterns stay). */
  clear(): void;
  stop(): void;
}

/** React's minified hydration errors (#418 text, #419/#422/#423/#425 recovery) and their dev-mode wording. */
export const HYDRATION_ERROR = /Minified React error #(418|419|422|423|425)\b|[Hh]ydrat(ion|ed)/;

export function collectPageErrors(context: BrowserContext): PageErrorCollector {
  const collected: PageError[] = [];
  const allowed: RegExp[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    collected.push({ kind: 'console', text: url ? `${message.text()} (${url}:${lineNumber})` : message.text() });
  };
  const onWebError = (webError: WebError) => {
    const error = webError.error();
    collected.push({ kind: 'pageerror', text: `${error.message}${error.stack ? `\n${error.stack}` : ''}` });
  };
  context.on('console', onConsole);
  context.on('weberror', onWebError);
  return {
    allow: (pattern) => void allowed.push(pattern),
    unexpected: () => collected.filter((e) => e.kind === 'pageerror' || !allowed.some((p) => p.test(e.text))),
    clear: () => void collected.splice(0),
    stop: () => {
      context.off('console', onConsole);
      context.off('weberror', onWebError);
    },
  };
}

/** One readable line per error, for a failing assertion's message. */
export function describeErrors(errors: PageError[]): string {
  return errors.map((e) => `[${e.kind}] ${e.text.split('\n').slice(0, 4).join('\n    ')}`).join('\n');
}
