import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WriteGenerationSubscriber } from "../db/write-generation.js";
import { STATISTICS_MAX_AGE_MS, shared, sharedPerYear } from "./table.js";

/**
 * The statistics cache (issue #14, item 4): a kept value past its age is
 * served while a new one is computed behind it; a write is never answered
 * from before it.
 */
const write = (em: { config: object }) => new WriteGenerationSubscriber().afterFlush({ em } as never);
/** Lets the background computation's promise callbacks run. */
const settle = () => new Promise((r) => setImmediate(r));

/** A computation whose calls are counted and whose answers come when the test says. */
function controlled<T>() {
  const calls: { resolve: (v: T) => void; reject: (e: Error) => void }[] = [];
  const compute = () => new Promise<T>((resolve, reject) => calls.push({ resolve, reject }));
  return { calls, compute };
}

describe("statistics kept and refreshed", () => {
  let em: { config: object };
  /** A value computed and kept (1), then left past its age and asked for again: served kept, with one renewal started. */
  async function keptPastItsAge() {
    const { calls, compute } = controlled<number>();
    const first = shared(em, "k", compute);
    calls[0]!.resolve(1);
    await first;
    vi.advanceTimersByTime(STATISTICS_MAX_AGE_MS);
    expect(await shared(em, "k", compute)).toBe(1);
    expect(calls).toHaveLength(2);
    return { calls, compute };
  }
  beforeEach(() => {
    em = { config: {} };
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterEach(() => vi.useRealTimers());

  it("serves the kept value past its age while one computation renews it behind", async () => {
    const { calls, compute } = controlled<number>();
    const first = shared(em, "k", compute);
    calls[0]!.resolve(1);
    expect(await first).toBe(1);
    expect(await shared(em, "k", compute)).toBe(1);
    expect(calls).toHaveLength(1);

    vi.advanceTimersByTime(STATISTICS_MAX_AGE_MS);
    // past its age: answered at once with the kept value; one recomputation for any number of requests
    expect(await Promise.all([shared(em, "k", compute), shared(em, "k", compute)])).toEqual([1, 1]);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(2);
    await settle();
    expect(await shared(em, "k", compute)).toBe(2);
    expect(calls).toHaveLength(2);
  });

  it("after a write, waits for a value computed after it, never the kept one", async () => {
    const { calls, compute } = controlled<number>();
    const first = shared(em, "k", compute);
    calls[0]!.resolve(1);
    await first;
    write(em);
    const next = shared(em, "k", compute);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(2);
    expect(await next).toBe(2);
  });

  it("a renewal that lands after a write is not served as current", async () => {
    const { calls, compute } = await keptPastItsAge();
    write(em);
    calls[1]!.resolve(2);
    await settle();
    const after = shared(em, "k", compute);
    expect(calls, "computed again: the renewal began before the write").toHaveLength(3);
    calls[2]!.resolve(3);
    expect(await after).toBe(3);
  });

  it("a renewal that fails keeps the old value served and is tried again by the next request", async () => {
    const { calls, compute } = await keptPastItsAge();
    calls[1]!.reject(new Error("database away"));
    await settle();
    expect(await shared(em, "k", compute)).toBe(1);
    expect(calls).toHaveLength(3);
    calls[2]!.resolve(2);
    await settle();
    expect(await shared(em, "k", compute)).toBe(2);
  });

  it("per year: the years asked for are served kept, and renewed behind in one computation", async () => {
    const thisYear = new Date().getFullYear();
    const spans: [number, number][] = [];
    let round = 1;
    const compute = async (from: number, to: number) => {
      spans.push([from, to]);
      return new Map(Array.from({ length: to - from + 1 }, (_, i) => [from + i, round * 10_000 + from + i] as const));
    };
    const first = await sharedPerYear(em, "s", thisYear - 2, thisYear, compute);
    expect([...first.values()]).toEqual([10_000 + thisYear - 2, 10_000 + thisYear - 1, 10_000 + thisYear]);
    vi.advanceTimersByTime(STATISTICS_MAX_AGE_MS);
    round = 2;
    const kept = await sharedPerYear(em, "s", thisYear - 1, thisYear, compute);
    expect([...kept.values()], "answered from what was kept").toEqual([10_000 + thisYear - 1, 10_000 + thisYear]);
    await settle();
    expect(spans).toHaveLength(2);
    const renewed = await sharedPerYear(em, "s", thisYear - 1, thisYear, compute);
    expect([...renewed.values()]).toEqual([20_000 + thisYear - 1, 20_000 + thisYear]);
    expect(spans).toHaveLength(2);
  });
});
