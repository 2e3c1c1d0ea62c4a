// Who may do what: the permission vocabulary and its evaluation. Pure and shared: the server
// decides with it on every request, and the browser uses the same rules (from /api/auth/me) to
// disable what the user may not do.

export const ACTIONS = [
  'view',
  'messages:read',
  'messages:produce',
  'messages:replay',
  'topics:create',
  'topics:edit',
  'topics:delete',
  'topics:purge',
  'groups:reset',
  'groups:delete',
  'cluster:edit',
  'schemas:edit',
  'audit:read',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Actions whose resource is a topic; they are checked against a rule's topic patterns. */
const TOPIC_ACTIONS: ReadonlySet<Action> = new Set(['view', 'messages:read', 'messages:produce', 'messages:replay', 'topics:create', 'topics:edit', 'topics:delete', 'topics:purge']);
/** Actions whose resource is a consumer group. */
const GROUP_ACTIONS: ReadonlySet<Action> = new Set(['view', 'groups:reset', 'groups:delete']);

/** A role as the rules need it. Patterns are globs (`orders-*`) or regexes written `/^orders-\d+$/`. */
export interface RoleRule {
  name: string;
  clusters: string[];
  /** Omitted: every topic. */
  topics?: string[];
  /** Omitted: the groups that read a topic this role may see (every group when topics is omitted too). */
  groups?: string[];
  actions: Action[];
  /** Fields, keys, values or headers this role gets masked on matching topics. */
  masking?: MaskingRule[];
}

/**
 * `fields` are paths into the decoded message: `key`, `value`, or below them (`value.customer.email`,
 * `value.items.*.card`); `headers` are header-name patterns. Masks of every role a user has apply.
 */
export interface MaskingRule {
  topics: string[];
  fields?: string[];
  headers?: string[];
  action: 'mask' | 'hash' | 'remove';
}

export type Resource = { topic: string } | { group: string; topics?: readonly string[] } | undefined;

export const BUILT_IN_ROLES: readonly RoleRule[] = [
  { name: 'admin', clusters: ['*'], actions: [...ACTIONS] },
  { name: 'viewer', clusters: ['*'], actions: ['view', 'messages:read'] },
];

const compiled = new Map<string, (value: string) => boolean>();

/** Compiles a glob or `/regex/` once; a broken regex matches nothing rather than everything. */
export function patternMatcher(pattern: string): (value: string) => boolean {
  let matcher = compiled.get(pattern);
  if (!matcher) {
    matcher = compilePattern(pattern);
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(pattern, matcher);
  }
  return matcher;
}

function compilePattern(pattern: string): (value: string) => boolean {
  const regex = /^\/(.+)\/([imsu]*)$/.exec(pattern);
  if (regex) {
    try {
      const re = new RegExp(regex[1], regex[2]);
      return (value) => re.test(value);
    } catch {
      return () => false;
    }
  }
  if (pattern === '*') return () => true;
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const re = new RegExp(`^${source}$`);
  return (value) => re.test(value);
}

/** Returns the first pattern that does not compile, with the reason; for config validation. */
export function invalidPattern(pattern: string): string | undefined {
  const regex = /^\/(.+)\/([imsu]*)$/.exec(pattern);
  if (!regex) return undefined;
  try {
    new RegExp(regex[1], regex[2]);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const matchesAny = (patterns: readonly string[] | undefined, value: string) =>
  patterns === undefined || patterns.some((p) => patternMatcher(p)(value));

/** The rules of one user, evaluated per request. */
export class Access {
  constructor(readonly rules: readonly RoleRule[]) {}

  static all(): Access {
    return new Access([BUILT_IN_ROLES[0]]);
  }

  private rulesFor(action: Action, cluster: string): RoleRule[] {
    return this.rules.filter((r) => r.actions.includes(action) && matchesAny(r.clusters, cluster));
  }

  /** True when some rule grants the action somewhere in the cluster (any topic or group). */
  canSomewhere(action: Action, cluster: string): boolean {
    return this.rulesFor(action, cluster).length > 0;
  }

  /** True when the user may see the cluster at all. */
  canViewCluster(cluster: string): boolean {
    return this.canSomewhere('view', cluster);
  }

  can(action: Action, cluster: string, resource?: Resource): boolean {
    const rules = this.rulesFor(action, cluster);
    if (!resource) return rules.length > 0;
    if ('topic' in resource) return rules.some((r) => !TOPIC_ACTIONS.has(action) || matchesAny(r.topics, resource.topic));
    return rules.some((r) => !GROUP_ACTIONS.has(action) || this.ruleCoversGroup(r, resource.group, resource.topics));
  }

  canTopic(action: Action, cluster: string, topic: string): boolean {
    return this.can(action, cluster, { topic });
  }

  /**
   * A group is covered by a rule that names it, or (when the rule names no groups) by a rule
   * that may see one of the topics the group reads: a user limited to `orders*` sees the groups
   * on those topics. `topics` undefined means they are not known yet: only named groups match.
   */
  private ruleCoversGroup(rule: RoleRule, group: string, topics: readonly string[] | undefined): boolean {
    if (rule.groups) return matchesAny(rule.groups, group);
    if (rule.topics === undefined) return true;
    return (topics ?? []).some((t) => matchesAny(rule.topics, t));
  }

  /** Whether deciding on this group needs the topics it reads (no rule names groups, some limit topics). */
  groupNeedsTopics(action: Action, cluster: string): boolean {
    return this.rulesFor(action, cluster).some((r) => !r.groups && r.topics !== undefined);
  }

  /** The masking rules that apply to this topic's messages for this user. */
  maskingFor(cluster: string, topic: string): MaskingRule[] {
    return this.rules
      .filter((r) => matchesAny(r.clusters, cluster))
      .flatMap((r) => r.masking ?? [])
      .filter((m) => matchesAny(m.topics, topic));
  }

  /** True when every topic of the cluster is visible for the action: lists need no filtering. */
  seesAllTopics(action: Action, cluster: string): boolean {
    return this.rulesFor(action, cluster).some((r) => r.topics === undefined);
  }
}

/** The rules behind a user's role names; unknown names grant nothing. */
export function rulesForRoles(roleNames: readonly string[], configured: readonly RoleRule[]): RoleRule[] {
  const byName = new Map([...BUILT_IN_ROLES, ...configured].map((r) => [r.name, r]));
  return roleNames.flatMap((name) => byName.get(name) ?? []);
}
