/**
 * One breaker per subgraph: after `threshold` consecutive failures it opens,
 * and for `cooldownMs` requests to that subgraph fail at once instead of
 * waiting for a timeout; then one trial request is let through (half-open),
 * and its result closes or reopens the breaker.
 */
export type BreakerState = "closed" | "open" | "half-open";

export interface BreakerOptions {
  threshold: number;
  cooldownMs: number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  state: BreakerState = "closed";

  constructor(private readonly options: BreakerOptions) {}

  /** Whether a request may go now. */
  allow(now = Date.now()): boolean {
    if (this.state === "closed") return true;
    if (this.state === "open" && now - this.openedAt >= this.options.cooldownMs) {
      this.state = "half-open";
      this.trialInFlight = false;
    }
    if (this.state === "half-open" && !this.trialInFlight) {
      this.trialInFlight = true;
      return true;
    }
    return false;
  }

  success(): void {
    this.failures = 0;
    this.trialInFlight = false;
    this.state = "closed";
  }

  failure(now = Date.now()): void {
    this.failures++;
    this.trialInFlight = false;
    if (this.state === "half-open" || this.failures >= this.options.threshold) {
      this.state = "open";
      this.openedAt = now;
    }
  }
}
