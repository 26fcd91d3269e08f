import { nipCheckDigit, regonCheckDigit } from "../identifiers/identifiers.js";

/** A small seeded PRNG (mulberry32): the same seed gives the same demo data everywhere. */
export class Random {
  private state: number;
  constructor(seed: number | string) {
    this.state = typeof seed === "number" ? seed >>> 0 : [...seed].reduce((h, c) => (Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0), 2166136261);
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** `n` distinct items. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
  /** One of `items`, each as likely as its weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((s, item) => s + weight(item), 0);
    let roll = this.next() * total;
    for (const item of items) {
      roll -= weight(item);
      if (roll < 0) return item;
    }
    return items.at(-1)!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  /** A NIP that passes its checksum. */
  nip(): string {
    for (;;) {
      const nine = String(this.int(1, 9)) + this.digits(8);
      const c = nipCheckDigit(nine);
      if (c !== null) return nine + c;
    }
  }
  /** A 9-digit REGON that passes its checksum (24… is the Silesian prefix). */
  regon(): string {
    const eight = "24" + this.digits(6);
    return eight + regonCheckDigit(eight);
  }
  krs(): string {
    return String(this.int(1000, 999999)).padStart(10, "0");
  }
}

/** "Today" for demo data: fixed, so every seed gives the same statuses on any day. */
export const DEMO_TODAY = "2026-11-01";

/** ISO date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
