import type {
  CommittedOffset,
  GroupProtocol,
  GroupState,
  JoinGroupParams,
  JoinGroupResult,
  SyncGroupResult,
} from './types';

/** One member of a classic group: what it last joined with, and what the coordinator tracks between requests. */
export interface Member extends Omit<JoinGroupParams, 'groupId' | 'requireKnownMemberId'> {
  assignment: Buffer;
  lastHeartbeat: number;
  /**
   * Outstanding JoinGroup/SyncGroup requests. A list rather than one callback because a client
   * that retries on a new connection must not leave the first request hanging forever.
   */
  joinWaiters: ((result: JoinGroupResult) => void)[];
  syncWaiters: ((result: SyncGroupResult) => void)[];
}

const EMPTY = Buffer.alloc(0);

/** State of one classic consumer group plus its committed offsets (Kafka keeps both per group). */
export class Group {
  state: GroupState = 'Empty';
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, Member>();
  /** groupInstanceId -> memberId for static members. */
  readonly staticMembers = new Map<string, string>();
  /** Ids handed out with MEMBER_ID_REQUIRED, with the time they expire if the client never rejoins. */
  readonly pendingMembers = new Map<string, number>();
  /** Members that got a JoinGroup response in this generation but have not sent SyncGroup yet. */
  readonly pendingSync = new Set<string>();
  /** PreparingRebalance ends by this time even if some members never rejoin. */
  joinDeadline = 0;
  /** Initial delay for a group that was empty: wait for more members before the first generation. */
  delayedUntil = 0;
  /** CompletingRebalance: members that have not synced by then are dropped. */
  syncDeadline = 0;
  /** When the group last changed; idle empty groups without offsets are forgotten after a while. */
  touchedAt: number;
  readonly offsets = new Map<string, Map<number, CommittedOffset>>();

  constructor(
    readonly groupId: string,
    now: number,
  ) {
    this.touchedAt = now;
  }

  isStatic(member: Member): boolean {
    return member.groupInstanceId !== null;
  }

  membersAwaitingJoin(): number {
    let n = 0;
    for (const m of this.members.values()) if (m.joinWaiters.length > 0) n++;
    return n;
  }

  allMembersJoined(): boolean {
    return this.pendingMembers.size === 0 && this.membersAwaitingJoin() === this.members.size;
  }

  /** Largest rebalance timeout of the members: Kafka waits that long for everyone to rejoin. */
  rebalanceTimeoutMs(): number {
    let max = 0;
    for (const m of this.members.values()) max = Math.max(max, m.rebalanceTimeoutMs);
    return max;
  }

  /** Protocols every current member supports (the only ones a new member may join with). */
  candidateProtocols(): Set<string> {
    let common: Set<string> | null = null;
    for (const m of this.members.values()) {
      const names = new Set<string>(m.protocols.map((p) => p.name));
      if (common === null) common = names;
      else for (const name of common) if (!names.has(name)) common.delete(name);
    }
    return common ?? new Set<string>();
  }

  supportsProtocols(protocolType: string, protocols: GroupProtocol[]): boolean {
    if (protocolType === '' || protocols.length === 0) return false;
    if (this.members.size === 0) return true;
    if (this.protocolType !== protocolType) return false;
    const candidates = this.candidateProtocols();
    return protocols.some((p) => candidates.has(p.name));
  }

  /**
   * Kafka's vote: among the protocols all members support, each member votes for the first one
   * in its own preference order; most votes wins, ties go to the earliest candidate.
   */
  selectProtocol(): string | null {
    const candidates = this.candidateProtocols();
    if (candidates.size === 0) return null;
    const votes = new Map<string, number>();
    for (const m of this.members.values()) {
      const choice = m.protocols.find((p) => candidates.has(p.name));
      if (choice) votes.set(choice.name, (votes.get(choice.name) ?? 0) + 1);
    }
    let best: string | null = null;
    let bestVotes = -1;
    for (const name of candidates) {
      const v = votes.get(name) ?? 0;
      if (v > bestVotes) {
        best = name;
        bestVotes = v;
      }
    }
    return best;
  }

  memberMetadata(member: Member, protocolName: string | null): Buffer {
    return member.protocols.find((p) => p.name === protocolName)?.metadata ?? EMPTY;
  }

  hasOffsets(): boolean {
    return this.offsets.size > 0;
  }
}
