import { describe, expect, it } from "vitest";
import { determinedCells, determinedColumns, protectTable, type Relation } from "./protect.js";
import { protectPeopleTable, STATISTIC_UNITS } from "./table.js";
import { Random } from "../demo/random.js";

describe("determinedColumns", () => {
  it("finds an unknown pinned down by a combination of equations", () => {
    // a + b = 5, b + c = 7, a + c = 6 → every unknown is determined
    expect(determinedColumns([[1, 1, 0], [0, 1, 1], [1, 0, 1]], 3)).toEqual([0, 1, 2]);
    // a + b = 5, c + d = 7 → none is
    expect(determinedColumns([[1, 1, 0, 0], [0, 0, 1, 1]], 4)).toEqual([]);
    // a + b = 5, b = 2 → both
    expect(determinedColumns([[1, 1], [0, 1]], 2)).toEqual([0, 1]);
  });
});

describe("protectTable", () => {
  it("hides a second cell when a breakdown has one small cell", () => {
    const cells = new Map([["t", 41], ["a", 2], ["b", 9], ["c", 30]]);
    const hidden = protectTable({ cells, relations: [{ total: "t", parts: ["a", "b", "c"] }], threshold: 5 });
    expect([...hidden].sort()).toEqual(["a", "b"]);
  });

  it("hides more while the hidden parts add up to less than the threshold", () => {
    const cells = new Map([["t", 28], ["a", 1], ["b", 1], ["c", 6], ["d", 20]]);
    const hidden = protectTable({ cells, relations: [{ total: "t", parts: ["a", "b", "c", "d"] }], threshold: 5 });
    expect([...hidden].sort()).toEqual(["a", "b", "c"]);
  });

  it("never hides a public cell, and hides the total instead when the rest is public", () => {
    const cells = new Map([["t", 12], ["known", 10], ["small", 2]]);
    const hidden = protectTable({ cells, relations: [{ total: "t", parts: ["known", "small"] }], threshold: 5, publicCells: new Set(["known"]) });
    expect([...hidden].sort()).toEqual(["small", "t"]);
  });

  it("frees a gmina's pinned dropouts without pulling in a neighbour that needs no protection (issue #16)", () => {
    // three gminas of a county: total = dropped + employed + not employed, and seats taken (employed + not) are public;
    // gmina a's 2 dropouts are small, so its total must go too (total − dropouts = seats), and a second total with it
    const gminas = { a: [2, 20, 20], b: [20, 50, 50], c: [8, 15, 15] } as Record<string, number[]>;
    const cells = new Map<string, number>();
    const relations: Relation[] = [];
    const categories = ["D", "E", "N"];
    for (const [g, values] of Object.entries(gminas)) {
      values.forEach((v, i) => cells.set(`${g}|${categories[i]}`, v));
      cells.set(`${g}|T`, values.reduce((x, y) => x + y, 0));
      cells.set(`${g}|S`, values[1]! + values[2]!);
      relations.push({ total: `${g}|T`, parts: categories.map((c) => `${g}|${c}`) }, { total: `${g}|S`, parts: [`${g}|E`, `${g}|N`] });
    }
    for (const c of [...categories, "T", "S"]) {
      cells.set(`county|${c}`, Object.keys(gminas).reduce((n, g) => n + cells.get(`${g}|${c}`)!, 0));
      relations.push({ total: `county|${c}`, parts: Object.keys(gminas).map((g) => `${g}|${c}`) });
    }
    const publicCells = new Set([...cells.keys()].filter((id) => id.endsWith("|S")));
    const hidden = protectTable({ cells, relations, threshold: 5, publicCells });
    expect(determinedCells(cells, relations, hidden)).toEqual([]);
    expect(hidden.has("a|D") && hidden.has("a|T")).toBe(true);
    // the large gmina keeps every cell: hiding b's 20 dropouts (smaller than a's total) would free nothing
    expect([...hidden].filter((id) => id.startsWith("b|"))).toEqual([]);
  });

  it("leaves no hidden cell determined by the relations together, on random two-way tables", () => {
    const rng = new Random(7);
    const random = () => rng.next();
    for (let round = 0; round < 200; round++) {
      const rows = 2 + Math.floor(random() * 4);
      const cols = 2 + Math.floor(random() * 4);
      const cells = new Map<string, number>();
      const relations: Relation[] = [];
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) cells.set(`${r},${c}`, random() < 0.3 ? Math.floor(random() * 5) : Math.floor(random() * 40));
      for (let r = 0; r < rows; r++) {
        cells.set(`${r},*`, [...Array(cols).keys()].reduce((s, c) => s + cells.get(`${r},${c}`)!, 0));
        relations.push({ total: `${r},*`, parts: [...Array(cols).keys()].map((c) => `${r},${c}`) });
      }
      for (const c of [...Array(cols).keys(), "*"]) {
        cells.set(`*,${c}`, [...Array(rows).keys()].reduce((s, r) => s + cells.get(`${r},${c}`)!, 0));
        relations.push({ total: `*,${c}`, parts: [...Array(rows).keys()].map((r) => `${r},${c}`) });
      }
      const hidden = protectTable({ cells, relations, threshold: 5 });
      for (const [id, n] of cells) if (n > 0 && n < 5) expect(hidden.has(id)).toBe(true);
      expect(determinedCells(cells, relations, hidden)).toEqual([]);
    }
  });
});

describe("protectTable against insiders (issue #11)", () => {
  it("hides a count when one holder's part leaves a small count of everyone else's", () => {
    // 12 = 10 of holder A and 2 of B: A, padding or subtracting its own, would learn B's 2
    const cells = new Map([["t", 40], ["a", 12], ["b", 28]]);
    const contributions = new Map([["a", new Map([["A", 10], ["B", 2]])], ["b", new Map([["C", 28]])], ["t", new Map([["A", 10], ["B", 2], ["C", 28]])]]);
    const hidden = protectTable({ cells, relations: [{ total: "t", parts: ["a", "b"] }], threshold: 5, contributions });
    expect(hidden.has("a")).toBe(true);
    // and a is not left alone in its relation
    expect(hidden.has("b") || hidden.has("t")).toBe(true);
  });

  it("publishes a count that is all one holder's: it learns only its own", () => {
    const cells = new Map([["t", 16], ["a", 7], ["b", 9]]);
    const contributions = new Map([["a", new Map([["A", 7]])], ["b", new Map([["B", 9]])], ["t", new Map([["A", 7], ["B", 9]])]]);
    expect([...protectTable({ cells, relations: [{ total: "t", parts: ["a", "b"] }], threshold: 5, contributions })]).toEqual([]);
  });

  it("hides more when the hidden parts of a visible total, minus one holder's share, are small", () => {
    // a (2) is small; hiding b (6: 5 of A, 1 of B) too makes 8 ≥ 5, but A knows its 5: 8 − 5 = 3 of the others
    const cells = new Map([["t", 60], ["a", 2], ["b", 6], ["c", 20], ["d", 32]]);
    const contributions = new Map([["a", new Map([["B", 2]])], ["b", new Map([["A", 5], ["B", 1]])], ["c", new Map([["C", 20]])], ["d", new Map([["D", 32]])]]);
    const hidden = protectTable({ cells, relations: [{ total: "t", parts: ["a", "b", "c", "d"] }], threshold: 5, contributions });
    const hiddenParts = ["a", "b", "c", "d"].filter((id) => hidden.has(id));
    const sum = hiddenParts.reduce((s, id) => s + cells.get(id)!, 0);
    const share = (holder: string) => hiddenParts.reduce((s, id) => s + (contributions.get(id)?.get(holder) ?? 0), 0);
    for (const holder of ["A", "B", "C", "D"]) expect(sum - share(holder) === 0 || sum - share(holder) >= 5, holder).toBe(true);
  });
});

describe("protectPeopleTable", () => {
  it("covers every statistic unit and keeps a small gmina from being worked out of its county", () => {
    const rows = [
      { year: 2025, code: "2401011", dimension: "TOTAL", category: "TOTAL", count: 20 },
      { year: 2025, code: "2401011", dimension: "Sex", category: "FEMALE", count: 12 },
      { year: 2025, code: "2401011", dimension: "Sex", category: "MALE", count: 8 },
      { year: 2025, code: "2401021", dimension: "TOTAL", category: "TOTAL", count: 3 },
      { year: 2025, code: "2401021", dimension: "Sex", category: "FEMALE", count: 3 },
      // a town part counts in its gmina
      { year: 2025, code: "2401074", dimension: "TOTAL", category: "TOTAL", count: 9 },
      { year: 2025, code: "2401074", dimension: "Sex", category: "MALE", count: 9 },
    ];
    const table = protectPeopleTable(rows, { dimensions: [{ name: "Sex", categories: ["FEMALE", "MALE"], partition: true }] }, 5);
    expect(new Set([...table.keys()].map((k) => k.split("|")[0]))).toEqual(new Set(STATISTIC_UNITS));
    expect(table.get("2401|TOTAL|TOTAL")).toEqual({ count: 32, hidden: false });
    expect(table.get("2401073|TOTAL|TOTAL")!.count).toBe(9);
    expect(table.get("2401021|TOTAL|TOTAL")!.hidden).toBe(true);
    // 32 − 20 − 9 would give Czeladź's 3: so one of the two others is hidden too
    expect(table.get("2401011|TOTAL|TOTAL")!.hidden || table.get("2401073|TOTAL|TOTAL")!.hidden).toBe(true);
  });
});
