import { describe, expect, it } from "vitest";
import { SUPPORT_FORMS, SupportFormKind } from "@bdp/kit/domain";
import { lastDayOf } from "@bdp/kit/server";
import { CALL_INSTRUMENTS, DUTY_RULES } from "./duties.js";

describe("a duty's period", () => {
  it.each([
    ["2026-03-01", 12, "2027-02-28"],
    ["2023-03-01", 12, "2024-02-29"],
    ["2026-01-20", 24, "2028-01-19"],
    ["2026-01-01", 1, "2026-01-31"],
    // no 31 February: the period ends on the month's last day
    ["2026-01-31", 1, "2026-02-28"],
    ["2027-11-30", 3, "2028-02-29"],
    ["2026-12-15", 36, "2029-12-14"],
  ])("from %s for %i months ends on %s", (from, months, end) => {
    expect(lastDayOf(from, months)).toBe(end);
  });
});

describe("the instruments a call may offer", () => {
  it("are instruments of the vocabulary, and the law's duties name their legal basis", () => {
    const instruments = new Set(SUPPORT_FORMS.filter((f) => f.kind === SupportFormKind.INSTRUMENT).map((f) => f.value));
    for (const form of CALL_INSTRUMENTS) expect(instruments.has(form), form).toBe(true);
    for (const rules of Object.values(DUTY_RULES)) for (const rule of rules ?? []) expect(rule.legalBasis).toMatch(/^ustawa z dnia/);
  });
});
