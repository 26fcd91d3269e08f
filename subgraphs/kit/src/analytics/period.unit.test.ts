import { describe, expect, it } from "vitest";
import { PeriodGrain, lastStatisticsYear, periodKeyOf, periodsOf } from "./period.js";

describe("periods", () => {
  it("cuts a range of years into months, quarters or years with their first and last days", () => {
    const months = periodsOf({ grain: PeriodGrain.MONTH, fromYear: 2024, toYear: 2024 });
    expect(months).toHaveLength(12);
    expect(months[1]).toEqual({ key: "2024-02", start: "2024-02-01", end: "2024-02-29", year: 2024 }); // a leap year
    expect(periodsOf({ grain: PeriodGrain.QUARTER, fromYear: 2025, toYear: 2026 }).map((p) => `${p.key} ${p.start}..${p.end}`)).toEqual([
      "2025-Q1 2025-01-01..2025-03-31", "2025-Q2 2025-04-01..2025-06-30", "2025-Q3 2025-07-01..2025-09-30", "2025-Q4 2025-10-01..2025-12-31",
      "2026-Q1 2026-01-01..2026-03-31", "2026-Q2 2026-04-01..2026-06-30", "2026-Q3 2026-07-01..2026-09-30", "2026-Q4 2026-10-01..2026-12-31",
    ]);
    expect(periodsOf({ grain: PeriodGrain.YEAR, fromYear: 2019, toYear: 2028 }).map((p) => p.key)).toHaveLength(10);
  });

  it("refuses ranges that are reversed, too long or out of bounds, and people counts finer than a year", () => {
    expect(() => periodsOf({ grain: PeriodGrain.YEAR, fromYear: 2025, toYear: 2024 })).toThrow(/toYear: must not be before fromYear/);
    expect(() => periodsOf({ grain: PeriodGrain.YEAR, fromYear: 2015, toYear: 2025 })).toThrow(/at most 10 years/);
    expect(() => periodsOf({ grain: PeriodGrain.YEAR, fromYear: 1999, toYear: 2000 })).toThrow(/fromYear/);
    // years no record can fall in are refused, not computed (issue #11: 2091–2100 by month computed 2017–2100)
    expect(() => periodsOf({ grain: PeriodGrain.MONTH, fromYear: 2091, toYear: 2100 })).toThrow(/fromYear: must be a year between 2000 and/);
    expect(() => periodsOf({ grain: PeriodGrain.YEAR, fromYear: lastStatisticsYear(), toYear: lastStatisticsYear() + 1 })).toThrow(/toYear/);
    expect(() => periodsOf({ grain: PeriodGrain.QUARTER, fromYear: 2025, toYear: 2025 }, { yearlyOnly: true })).toThrow(/grain: counts of people are published by YEAR only/);
  });

  it("finds the period a date falls in", () => {
    expect(periodKeyOf(PeriodGrain.MONTH, "2025-11-30")).toBe("2025-11");
    expect(periodKeyOf(PeriodGrain.QUARTER, "2025-10-01")).toBe("2025-Q4");
    expect(periodKeyOf(PeriodGrain.YEAR, "2025-10-01")).toBe("2025");
  });
});
