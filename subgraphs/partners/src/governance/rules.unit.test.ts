import { describe, expect, it } from "vitest";
import { MajorityRule, QuorumRule } from "./governance.entity.js";
import { isAdopted, quorumOf } from "./rules.js";

describe("a body's rules", () => {
  it("a quorum is at least half, or two thirds, of the members, rounded up", () => {
    expect([9, 10, 1].map((n) => quorumOf(QuorumRule.HALF, n))).toEqual([5, 5, 1]);
    expect([9, 10, 3].map((n) => quorumOf(QuorumRule.TWO_THIRDS, n))).toEqual([6, 7, 2]);
  });

  it("a simple majority is more for than against, abstentions aside", () => {
    expect(isAdopted(MajorityRule.SIMPLE, { for: 3, against: 2, present: 9 })).toBe(true);
    expect(isAdopted(MajorityRule.SIMPLE, { for: 3, against: 3, present: 6 })).toBe(false);
  });

  it("an absolute majority is more for than half of those present; two thirds is at least two thirds of them", () => {
    expect(isAdopted(MajorityRule.ABSOLUTE, { for: 4, against: 0, present: 8 })).toBe(false);
    expect(isAdopted(MajorityRule.ABSOLUTE, { for: 5, against: 0, present: 8 })).toBe(true);
    expect(isAdopted(MajorityRule.TWO_THIRDS, { for: 6, against: 3, present: 9 })).toBe(true);
    expect(isAdopted(MajorityRule.TWO_THIRDS, { for: 5, against: 1, present: 9 })).toBe(false);
  });
});
