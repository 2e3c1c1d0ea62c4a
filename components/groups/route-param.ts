/**
 * Page params arrive still percent-encoded (route handlers get them decoded); group ids may hold
 * spaces, slashes or a literal "%", so decode once and keep the raw value if it is not valid.
 */
export function routeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
