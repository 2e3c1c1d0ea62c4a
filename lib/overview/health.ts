import type { HealthCheck, ProblemGroup } from '@/lib/api/overview';
import type { HealthStatus } from '@/lib/api/groups';

// The overview's verdicts, worded for the page: what is wrong, why it matters, and which console
// page shows it. Pure, so the data layer only gathers the facts.

export interface HealthFacts {
  brokerCount: number;
  offlineBrokerIds: number[];
  offlinePartitions: number;
  underMinIsrPartitions: number;
  underReplicatedPartitions: number;
  /** Brokers whose log dirs could not be read, each with the first error. */
  unreadableLogDirs: { brokerId: number; error: string }[];
  /** False when the consumer groups could not be read in time. */
  groupsRead: boolean;
  /** Groups whose verdict is not OK, worst first (see `problemGroups`); their total count. */
  problemGroups: ProblemGroup[];
  problemGroupCount: number;
}

/** How many problem groups the overview names; the groups page has the rest. */
export const PROBLEM_GROUPS_SHOWN = 8;

const STATUS_ORDER: Record<HealthStatus, number> = { STOP: 0, STALL: 1, WARN: 2, OK: 3 };

/** The groups that need attention, worst verdict first, then the largest lag. */
export function problemGroups(groups: readonly { groupId: string; health: { status: HealthStatus; reason: string }; totalLag: number | null }[]): ProblemGroup[] {
  return groups
    .filter((g) => g.health.status !== 'OK')
    .map((g) => ({ groupId: g.groupId, status: g.health.status as ProblemGroup['status'], reason: g.health.reason, totalLag: g.totalLag }))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (b.totalLag ?? 0) - (a.totalLag ?? 0) || a.groupId.localeCompare(b.groupId));
}

export function overviewHealth(facts: HealthFacts): HealthCheck[] {
  const { brokerCount, offlineBrokerIds: offline } = facts;
  const checks: HealthCheck[] = [
    offline.length
      ? {
          id: 'brokers',
          severity: 'danger',
          title: `${offline.length} of ${brokerCount} brokers offline`,
          detail: `Offline: ${offline.map((id) => `broker ${id}`).join(', ')}.`,
          href: offline.length === 1 ? `/brokers/${offline[0]}` : '/brokers',
        }
      : { id: 'brokers', severity: 'ok', title: 'All brokers online', detail: `${brokerCount} brokers.`, href: '/brokers' },
    facts.offlinePartitions
      ? {
          id: 'offline',
          severity: 'danger',
          title: `${facts.offlinePartitions} offline partitions`,
          detail: 'No leader: these partitions can be neither read nor written.',
          href: '/replicas',
        }
      : { id: 'offline', severity: 'ok', title: 'No offline partitions', detail: 'Every partition has a leader.', href: '/replicas' },
    facts.underMinIsrPartitions
      ? {
          id: 'under-min-isr',
          severity: 'danger',
          title: `${facts.underMinIsrPartitions} partitions under min ISR`,
          detail: 'Producers using acks=all are refused on these partitions.',
          href: '/replicas',
        }
      : { id: 'under-min-isr', severity: 'ok', title: 'No partitions under min ISR', detail: 'acks=all writes are accepted everywhere.', href: '/replicas' },
    facts.underReplicatedPartitions
      ? {
          id: 'under-replicated',
          severity: 'warn',
          title: `${facts.underReplicatedPartitions} under-replicated partitions`,
          detail: 'Some replicas are not in sync with their leader.',
          href: '/replicas',
        }
      : { id: 'under-replicated', severity: 'ok', title: 'All replicas in sync', detail: 'Every ISR is complete.', href: '/replicas' },
  ];
  const failed = facts.unreadableLogDirs;
  if (failed.length) {
    checks.push({
      id: 'log-dirs',
      severity: 'warn',
      title: `Log directories unreadable on ${failed.length} broker${failed.length === 1 ? '' : 's'}`,
      detail: failed.map((b) => `broker ${b.brokerId}: ${b.error}`).join('; '),
      href: `/brokers/${failed[0].brokerId}`,
    });
  }
  checks.push(groupsCheck(facts));
  return checks;
}

function groupsCheck({ groupsRead, problemGroups: problems, problemGroupCount: count }: HealthFacts): HealthCheck {
  if (!groupsRead) {
    return {
      id: 'groups',
      severity: 'warn',
      title: 'Consumer groups not read yet',
      detail: 'Reading the consumer groups took too long or failed; the next refresh tries again.',
      href: '/groups',
    };
  }
  if (count === 0) return { id: 'groups', severity: 'ok', title: 'All consumer groups keeping up', detail: 'No group is stopped, stalled or falling behind.', href: '/groups' };
  const stopped = problems.filter((g) => g.status !== 'WARN').length;
  const named = problems.slice(0, 3).map((g) => `${g.groupId} (${g.status})`).join(', ');
  return {
    id: 'groups',
    // A stopped or stalled consumer is not reading at all; one falling behind still is.
    severity: stopped > 0 ? 'danger' : 'warn',
    title: `${count} consumer group${count === 1 ? ' needs' : 's need'} attention`,
    detail: `${named}${count > 3 ? ` and ${count - 3} more` : ''}.`,
    href: '/groups',
  };
}
