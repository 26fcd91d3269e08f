import { describe, expect, it } from "vitest";
import { parseOfferFeed } from "./plugin.js";

const OWNER = "00000000-0000-4000-8000-000000000001";
const offer = (extra: Record<string, unknown> = {}) => ({
  id: "00000000-0000-4000-8000-0000000000aa", kind: "JOB", title: "Magazynier", description: null, partnerId: OWNER, municipalityCode: "2401011",
  targetGroups: [], validFrom: "2026-11-01", validThrough: null, places: 1, howToApply: "CV mailem", occupationCode: null, url: null, ...extra,
});

/** The uniform offer shape's pay, form of work and working time (issue #16): optional, and checked when given. */
describe("an offer feed's richer fields", () => {
  it("takes an offer without them (a plugin written before them) with nulls", () => {
    const { offers, problems } = parseOfferFeed({ offers: [offer()] }, OWNER);
    expect(problems).toEqual([]);
    expect(offers[0]).toMatchObject({ salary: null, contractType: null, workingTime: null, requirements: null, accessibility: null });
  });

  it("takes a salary range, a contract type and a working time", () => {
    const { offers, problems } = parseOfferFeed({ offers: [offer({ salary: { min: "5200.00", max: "6000", currency: "PLN", period: "MONTH" }, contractType: "EMPLOYMENT_CONTRACT", workingTime: "PART_TIME", requirements: "Uprawnienia UDT", accessibility: "Parter, bez progów" })] }, OWNER);
    expect(problems).toEqual([]);
    expect(offers[0]).toMatchObject({ salary: { min: "5200.00", max: "6000", currency: "PLN", period: "MONTH" }, contractType: "EMPLOYMENT_CONTRACT", workingTime: "PART_TIME" });
  });

  it.each([
    ["no bound", { currency: "PLN", period: "MONTH" }],
    ["min over max", { min: "7000", max: "5000", currency: "PLN", period: "MONTH" }],
    ["a number, not a decimal string", { min: 5200, currency: "PLN", period: "MONTH" }],
    ["three decimals", { min: "5200.001", currency: "PLN", period: "MONTH" }],
    ["a currency that is not ISO 4217", { min: "5200", currency: "zł", period: "MONTH" }],
    ["an unknown period", { min: "5200", currency: "PLN", period: "WEEK" }],
  ])("refuses a salary with %s, naming the field", (_why, salary) => {
    const { offers, problems } = parseOfferFeed({ offers: [offer({ salary })] }, OWNER);
    expect(offers).toEqual([]);
    expect(problems[0]).toMatch(/^offer 0: salary: /);
  });

  it("refuses an unknown contract type or working time, and over-long texts", () => {
    for (const extra of [{ contractType: "UMOWA" }, { workingTime: "NIGHTS" }, { requirements: "x".repeat(2001) }, { accessibility: "x".repeat(1001) }]) {
      expect(parseOfferFeed({ offers: [offer(extra)] }, OWNER).problems).toHaveLength(1);
    }
  });
});
