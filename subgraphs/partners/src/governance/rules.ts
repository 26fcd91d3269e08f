import { MajorityRule, QuorumRule } from "./governance.entity.js";

/** The fewest members present that make a quorum: at least half, or at least two thirds, of the members (rounded up). */
export function quorumOf(rule: QuorumRule, members: number): number {
  return rule === QuorumRule.HALF ? Math.ceil(members / 2) : Math.ceil((members * 2) / 3);
}

/** Whether a resolution is adopted by the body's rule: abstentions count as present, not as votes for or against. */
export function isAdopted(rule: MajorityRule, votes: { for: number; against: number; present: number }): boolean {
  switch (rule) {
    case MajorityRule.SIMPLE:
      return votes.for > votes.against;
    case MajorityRule.ABSOLUTE:
      return votes.for * 2 > votes.present;
    case MajorityRule.TWO_THIRDS:
      return votes.for * 3 >= votes.present * 2;
  }
}
