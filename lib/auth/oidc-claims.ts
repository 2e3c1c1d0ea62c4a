import type { OidcConfig } from '@/lib/config/schema';

// What an identity provider's claims mean to the console: which console roles they map to, and
// the name shown for the user. Pure, so the mapping is tested without a provider.

export type Claims = Record<string, unknown>;

/**
 * The value at a claim name or a dotted path. A claim whose own name has dots (some providers
 * use URLs as claim names) wins over the path: `realm_access.roles` reads
 * `claims['realm_access.roles']` if present, else `claims.realm_access.roles` (Keycloak).
 */
export function claimAt(claims: Claims, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The claim's values as strings: a string is one value, a list its string items, anything else none. */
export function claimValues(claims: Claims, path: string): string[] {
  const value = claimAt(claims, path);
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** True when the claim is there at all (so asking the userinfo endpoint would add nothing). */
export function hasClaim(claims: Claims, path: string): boolean {
  return claimAt(claims, path) !== undefined;
}

type RoleMappingConfig = Pick<OidcConfig, 'rolesClaim' | 'roleMapping' | 'defaultRoles'>;

/** The console roles of these claims: `defaultRoles` plus the mapping of each roles-claim value, without repeats. */
export function rolesFromClaims(claims: Claims, oidc: RoleMappingConfig): string[] {
  const mapped = claimValues(claims, oidc.rolesClaim).flatMap((value) => (Object.hasOwn(oidc.roleMapping, value) ? oidc.roleMapping[value] : []));
  return [...new Set([...oidc.defaultRoles, ...mapped])];
}

/** The name the console shows and audits: the configured claim, else the usual ones, else the subject. */
export function nameFromClaims(claims: Claims, usernameClaim: string): string {
  for (const path of [usernameClaim, 'preferred_username', 'email', 'name', 'sub']) {
    const value = claimAt(claims, path);
    if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 200);
  }
  return 'unknown';
}
