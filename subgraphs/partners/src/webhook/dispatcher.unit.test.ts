import { describe, expect, it } from "vitest";
import { retryPause, webhookSettings } from "./dispatcher.js";

describe("webhook settings and retry pauses", () => {
  it("double from the base, capped, with at most a tenth more", () => {
    const settings = { retryBaseMs: 1_000, retryMaxMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => retryPause(settings, n, 0))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
    expect(retryPause(settings, 2, 0.999)).toBe(2_200);
  });

  it("defaults without settings; a bad setting stops the start naming it", () => {
    expect(webhookSettings({})).toMatchObject({ pollMs: 1_000, retryBaseMs: 30_000, maxAttempts: 12, timeoutMs: 5_000, leaseMs: 60_000 });
    expect(() => webhookSettings({ WEBHOOK_MAX_ATTEMPTS: "0" })).toThrow(/WEBHOOK_MAX_ATTEMPTS must be a whole number from 1 to 100/);
    expect(() => webhookSettings({ WEBHOOK_TIMEOUT_MS: "2000", WEBHOOK_LEASE_MS: "1000" })).toThrow(/WEBHOOK_LEASE_MS/);
  });
});
