import { describe, expect, it } from "vitest";
import { protectBreakdown, protectCount } from "./disclosure.js";

describe("disclosure control", () => {
  it("suppresses counts from 1 to threshold-1 and publishes zero and larger counts", () => {
    expect(protectCount(0, 5)).toEqual({ value: 0, suppressed: false });
    expect(protectCount(1, 5)).toEqual({ value: null, suppressed: true });
    expect(protectCount(4, 5)).toEqual({ value: null, suppressed: true });
    expect(protectCount(5, 5)).toEqual({ value: 5, suppressed: false });
  });

  it("hides a second cell when only one is hidden, so the total minus visible cells reveals nothing", () => {
    const cells = protectBreakdown([{ key: "a", count: 2 }, { key: "b", count: 9 }, { key: "c", count: 30 }], 5);
    expect(cells.map((c) => c.count.suppressed)).toEqual([true, true, false]);
  });

  it("keeps hiding until the hidden sum reaches the threshold", () => {
    const cells = protectBreakdown([{ key: "a", count: 1 }, { key: "b", count: 1 }, { key: "c", count: 6 }, { key: "d", count: 20 }], 5);
    expect(cells.filter((c) => c.count.suppressed).map((c) => c.key)).toEqual(["a", "b", "c"]);
  });

  it("no hidden cell can be recovered from the total and the visible cells, for any small breakdown", () => {
    for (let a = 0; a < 8; a++) for (let b = 0; b < 8; b++) for (let c = 0; c < 12; c++) {
      const counts = [a, b, c];
      const cells = protectBreakdown(counts.map((count, i) => ({ key: i, count })), 5);
      const hidden = cells.filter((x) => x.count.suppressed);
      const total = a + b + c;
      // an unpublished total (1–4) reveals nothing to subtract from
      if (hidden.length === 0 || protectCount(total, 5).suppressed) continue;
      // with the total published, the hidden cells' sum is known: it must not pin down a single small cell
      expect(hidden.length, JSON.stringify(counts)).toBeGreaterThan(1);
    }
  });
});
