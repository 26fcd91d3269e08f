import { describe, expect, it } from "vitest";
import { formatNip, parseKrs, parseNip, parseRegon } from "./identifiers.js";
import { DEMO_PARTNERS } from "../demo/partners.js";

describe("NIP", () => {
  it("accepts a valid NIP with a PL prefix, spaces or hyphens, and formats it", () => {
    for (const input of ["8567346215", "PL8567346215", "pl 856-734-62-15", " 856 734 62 15 "]) {
      expect(parseNip(input)).toEqual({ ok: true, value: "8567346215" });
    }
    expect(formatNip("8567346215")).toBe("856-734-62-15");
  });

  it("refuses a wrong check digit, a wrong length, letters, and a checksum of 10", () => {
    expect(parseNip("8567346216").ok).toBe(false);
    expect(parseNip("856734621").ok).toBe(false);
    expect(parseNip("85673462150").ok).toBe(false);
    expect(parseNip("856734621X").ok).toBe(false);
    // 6·1+5·2+7·3+2·4+3·5+4·6+5·7+6·8+7·9 = 230, and 230 mod 11 = 10: no check digit exists
    const nine = "123456789";
    for (let d = 0; d <= 9; d++) expect(parseNip(`${nine}${d}`).ok).toBe(false);
  });
});

describe("REGON", () => {
  it("accepts valid 9- and 14-digit numbers", () => {
    expect(parseRegon("192598184").ok).toBe(true);
    expect(parseRegon("123456785").ok).toBe(true);
    expect(parseRegon("12345678512347").ok).toBe(true);
  });

  it("refuses wrong check digits and lengths", () => {
    expect(parseRegon("192598185").ok).toBe(false);
    expect(parseRegon("12345678512348").ok).toBe(false);
    // a 14-digit number whose first 9 are not a valid REGON
    expect(parseRegon("12345678612347").ok).toBe(false);
    expect(parseRegon("1234567851234").ok).toBe(false);
  });
});

describe("KRS", () => {
  it("zero-pads to 10 digits and refuses non-digits, more than 10 digits, all zeros", () => {
    expect(parseKrs("12345")).toEqual({ ok: true, value: "0000012345" });
    expect(parseKrs("0000012345")).toEqual({ ok: true, value: "0000012345" });
    expect(parseKrs("12345678901").ok).toBe(false);
    expect(parseKrs("12a45").ok).toBe(false);
    expect(parseKrs("0000000000").ok).toBe(false);
  });
});

describe("demo data identifiers", () => {
  it("every seeded partner's NIP, REGON and KRS passes validation", () => {
    for (const p of DEMO_PARTNERS) {
      if (p.nip) expect(parseNip(p.nip), p.name).toEqual({ ok: true, value: p.nip });
      if (p.regon) expect(parseRegon(p.regon), p.name).toEqual({ ok: true, value: p.regon });
      if (p.krs) expect(parseKrs(p.krs), p.name).toEqual({ ok: true, value: p.krs });
    }
  });

  it("demo NIPs are unique (the register enforces it)", () => {
    const nips = DEMO_PARTNERS.map((p) => p.nip).filter(Boolean);
    expect(new Set(nips).size).toBe(nips.length);
  });
});

describe("generated benchmark partners", () => {
  it("carry valid, distinct identifiers", async () => {
    const { generatedPartners } = await import("../demo/scale.js");
    const partners = generatedPartners(0, 5000);
    const nips = partners.flatMap((p) => (p.nip ? [p.nip] : []));
    expect(nips.every((n) => parseNip(n).ok)).toBe(true);
    expect(new Set(nips).size).toBe(nips.length);
    expect(partners.every((p) => p.regon === null || parseRegon(p.regon).ok)).toBe(true);
    expect(generatedPartners(1234, 1)[0]).toEqual(partners[1234]);
  });
});
