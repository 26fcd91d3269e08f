import { describe, expect, it } from "vitest";
import { InitiativeStatus as S, PartStatus as P } from "./initiative.entity.js";
import { CHANGEABLE, STATUS_CHANGES, coverage, requireCovered, requireStatus } from "./lifecycle.js";

describe("an initiative's lifecycle", () => {
  it("ends in COMPLETED or CANCELLED, from which nothing moves or changes", () => {
    for (const end of [S.COMPLETED, S.CANCELLED]) {
      expect(STATUS_CHANGES[end]).toEqual([]);
      expect(CHANGEABLE[end]).toEqual([]);
    }
    // every status but the ends can be cancelled; nothing goes back
    expect(Object.entries(STATUS_CHANGES).filter(([, to]) => to.includes(S.CANCELLED)).map(([from]) => from).sort()).toEqual([S.AGREED, S.PLANNED, S.RUNNING].sort());
    expect(STATUS_CHANGES[S.RUNNING]).not.toContain(S.AGREED);
    expect(STATUS_CHANGES[S.AGREED]).not.toContain(S.PLANNED);
  });

  it("changes dates and budget only before signing", () => {
    for (const field of ["startsOn", "endsOn", "totalBudget", "fundingSource"]) {
      expect(CHANGEABLE[S.PLANNED]).toContain(field);
      expect(CHANGEABLE[S.AGREED]).not.toContain(field);
      expect(CHANGEABLE[S.RUNNING]).not.toContain(field);
    }
  });

  it("refuses a step from the wrong status with CONFLICT, naming the statuses", () => {
    expect(() => requireStatus(S.COMPLETED, [S.RUNNING], "recording spending")).toThrow(/COMPLETED.*recording spending.*RUNNING/);
    expect(() => requireStatus(S.RUNNING, [S.RUNNING], "recording spending")).not.toThrow();
  });
});

describe("the budget's coverage", () => {
  const parts = [
    { status: P.CONFIRMED, cashContribution: "1000.10", inKindContribution: "500.00" },
    { status: P.DECLINED, cashContribution: "9999.00", inKindContribution: "0.00" },
    { status: P.PROPOSED, cashContribution: "0.00", inKindContribution: "0.00" },
    { status: P.WITHDRAWN, cashContribution: "700.00", inKindContribution: "0.00" },
  ];

  it("counts funding shares and confirmed parts only, to the grosz", () => {
    expect(coverage("10000.00", ["0.10", "8499.80"], parts)).toEqual({
      totalBudget: "10000.00", fundingShares: "8499.90", cashContributions: "1000.10", inKindContributions: "500.00", covered: "10000.00", gap: "0.00",
    });
    // floats would make this 0.30000000000000004
    expect(coverage("0.30", ["0.10", "0.20"], []).gap).toBe("0.00");
  });

  it("refuses a budget short or over, with the figures", () => {
    expect(() => requireCovered(coverage("10000.00", ["8000.00"], parts), "initiativeId", "the budget is not covered")).toThrow(/8000\.00 \+ cash 1000\.10 \+ in kind 500\.00 = 9500\.10 PLN, the budget is 10000\.00 PLN \(uncovered by 499\.90\)/);
    expect(() => requireCovered(coverage("1000.00", ["8000.00"], parts), "initiativeId", "x")).toThrow(/over by 8500\.10/);
    expect(() => requireCovered(coverage("9500.10", ["8000.00"], parts), "initiativeId", "x")).not.toThrow();
  });
});
