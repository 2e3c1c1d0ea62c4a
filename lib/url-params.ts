/**
 * Page params arrive still percent-encoded (route handlers get them decoded); names may hold
 * spaces, slashes or a literal "%", and decodeURIComponent throws on a malformed sequence such as
 * "%E0%A4%A" — which would turn a typo in the address bar into a 500 page. Decode once and keep
 * the raw value if it is not valid.
 */
export function routeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
