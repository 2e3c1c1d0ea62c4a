// The KRaft metadata quorum as DescribeQuorum reports it. The dev cluster runs in combined mode:
// every broker is a voter, the controller (lowest live broker) is the quorum leader, and the
// cluster's metadata version stands in for the __cluster_metadata log offset. A stopped voter
// keeps the offset and times it had when it stopped, so its lag grows as metadata changes.

export const METADATA_TOPIC = '__cluster_metadata';

export interface VoterState {
  replicaId: number;
  logEndOffset: number;
  /** Leader wall-clock time of the voter's last fetch; -1 for the leader itself. */
  lastFetchTimestamp: number;
  lastCaughtUpTimestamp: number;
}

export class QuorumState {
  leaderId = -1;
  leaderEpoch = 0;
  private readonly voters = new Map<number, { logEndOffset: number; seenAt: number }>();

  /** Brings the quorum up to date with the brokers: called before and after every broker change. */
  observe(leaderId: number, voterIds: readonly number[], isLive: (id: number) => boolean, highWatermark: number, now: number): void {
    if (leaderId !== this.leaderId) {
      this.leaderId = leaderId;
      if (leaderId >= 0) this.leaderEpoch++;
    }
    for (const id of voterIds) {
      const voter = this.voters.get(id);
      if (isLive(id)) this.voters.set(id, { logEndOffset: highWatermark, seenAt: now });
      else if (!voter) this.voters.set(id, { logEndOffset: -1, seenAt: -1 });
    }
  }

  describe(voterIds: readonly number[], now: number): VoterState[] {
    return voterIds.map((id) => {
      const v = this.voters.get(id) ?? { logEndOffset: -1, seenAt: -1 };
      const leader = id === this.leaderId;
      return { replicaId: id, logEndOffset: v.logEndOffset, lastFetchTimestamp: leader ? -1 : v.seenAt, lastCaughtUpTimestamp: leader ? now : v.seenAt };
    });
  }
}
