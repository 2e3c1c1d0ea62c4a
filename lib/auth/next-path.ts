// Where to go after signing in. Only a path on this console is accepted: `//evil.example`,
// `/\evil.example` and `https://…` would leave the site (an open redirect), so they fall back to
// the home page, as does the sign-in page itself.

const HOME = '/';

export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2000) return HOME;
  if (!next.startsWith('/') || next.startsWith('//')) return HOME;
  // Browsers read a backslash as a slash, and control characters are stripped before parsing.
  if (next.includes('\\') || [...next].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return HOME;
  const url = new URL(next, 'http://console.invalid');
  if (url.origin !== 'http://console.invalid') return HOME;
  if (url.pathname === '/login' || url.pathname.startsWith('/api/auth/')) return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}
