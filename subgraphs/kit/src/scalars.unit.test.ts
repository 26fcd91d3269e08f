import { describe, expect, it } from "vitest";
import { DateScalar, MoneyScalar, sumMoney } from "./scalars.js";
import { stableId } from "./ids.js";

describe("scalars", () => {
  it("Money keeps exact decimals and refuses floats with more than two decimals", () => {
    expect(MoneyScalar.parseValue("1250.5")).toBe("1250.5");
    expect(MoneyScalar.serialize("1250.5")).toBe("1250.50");
    expect(() => MoneyScalar.parseValue("12.345")).toThrow();
    expect(() => MoneyScalar.parseValue("abc")).toThrow();
  });

  it("sums money exactly, without float error", () => {
    expect(sumMoney(["0.10", "0.20"])).toBe("0.30");
    expect(sumMoney(["1000000000.01", "-0.02"])).toBe("999999999.99");
    expect(sumMoney([])).toBe("0.00");
  });

  it("Date accepts real calendar dates only", () => {
    expect(DateScalar.parseValue("2024-02-29")).toBe("2024-02-29");
    expect(() => DateScalar.parseValue("2023-02-29")).toThrow();
    expect(() => DateScalar.parseValue("2023-2-1")).toThrow();
  });

  it("stable ids are deterministic UUIDs", () => {
    expect(stableId("partner:x")).toBe(stableId("partner:x"));
    expect(stableId("partner:x")).not.toBe(stableId("partner:y"));
    expect(stableId("partner:x")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
