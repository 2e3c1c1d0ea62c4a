/**
 * Where to go after signing in: only a path on this console. `//evil.example` and `/\evil` are
 * read by browsers as other hosts, so anything but a plain absolute path goes home instead.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || hasControlCharacter(next)) return '/';
  return next;
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) < 0x20) return true;
  return false;
}
