import { afterEach, describe, expect, it } from "vitest";
import { disclosureThreshold, holderCount } from "./disclosure.js";

describe("disclosure control", () => {
  afterEach(() => {
    delete process.env.DISCLOSURE_THRESHOLD;
  });

  it("uses a threshold of 5 by default, takes a configured one, and never goes below 3", () => {
    expect(disclosureThreshold()).toBe(5);
    process.env.DISCLOSURE_THRESHOLD = "10";
    expect(disclosureThreshold()).toBe(10);
    process.env.DISCLOSURE_THRESHOLD = "1";
    expect(disclosureThreshold()).toBe(3);
    process.env.DISCLOSURE_THRESHOLD = "five";
    expect(() => disclosureThreshold()).toThrow(/whole number/);
  });

  it("gives a programme's counts to the partner holding the records only", () => {
    const holder = { identity: { kind: "partner" as const, userId: "u", partnerId: "p1" } };
    expect(holderCount(holder, "p1", 2)).toEqual({ value: 2, suppressed: false });
    expect(holderCount(holder, "p2", 20)).toEqual({ value: null, suppressed: true });
    expect(holderCount({ identity: { kind: "coordinator", userId: "c" } }, "p1", 20)).toEqual({ value: null, suppressed: true });
    expect(holderCount({ identity: { kind: "anonymous" } }, "p1", 0)).toEqual({ value: null, suppressed: true });
  });
});
