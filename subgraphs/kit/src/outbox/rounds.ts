import { afterLocalWrites } from "../db/write-generation.js";
import type { Logger } from "../logger.js";

export interface RoundsOptions {
  /** A round runs at least this often. */
  everyMs: number;
  log: Logger;
  /** What is said when a round fails (it is tried again at the next one). */
  failure: string;
  /** How loud a failed round is logged: a warning unless said otherwise. */
  failureLevel?: "warn" | "error";
  /** Wake after every write committed through this entity manager's ORM (the relays hand a new event on at once). */
  wakeOnWritesOf?: { config: object };
}

/**
 * The schedule of a background job that works in rounds (the webhook
 * dispatcher, the outbox relays, the deadline reminders, the effects and
 * retention jobs): a round after every local write it follows and
 * at least every `everyMs`, one at a time, and one more if it was woken
 * while running; a round that returns true has more to do and runs again at
 * once. A failed round is logged and left to the next: what it did not
 * hand on waits in the database, so nothing is lost.
 */
export class Rounds {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly stopWaking: () => void;

  constructor(
    private readonly round: () => Promise<boolean>,
    private readonly options: RoundsOptions,
  ) {
    this.stopWaking = options.wakeOnWritesOf ? afterLocalWrites(options.wakeOnWritesOf, () => this.wake()) : () => {};
  }

  start(): this {
    this.timer = setInterval(() => this.wake(), this.options.everyMs);
    this.timer.unref();
    this.wake();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.stopWaking();
    await this.running;
  }

  /** Asks for a round now: started at once, or after the one running. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.rounds().finally(() => (this.running = undefined));
  }

  private async rounds(): Promise<void> {
    do {
      this.again = false;
      try {
        while (!this.stopped && (await this.round()));
      } catch (error) {
        this.options.log[this.options.failureLevel ?? "warn"](this.options.failure, { error: error instanceof Error ? error.message : String(error) });
      }
    } while (this.again && !this.stopped);
  }
}
