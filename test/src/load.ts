/**
 * A bounded load driver for fault and load tests: `concurrency` workers send
 * one request after another until `seconds` have passed, and every answer is
 * tallied by outcome (`OK`, an error code, or `HTTP <status>`). No test here
 * asserts a time: the clock only bounds how long the load lasts.
 */
export interface LoadResult {
  sent: number;
  /** How many answers of each outcome. */
  outcomes: Record<string, number>;
}

export interface GraphQLAnswer {
  status: number;
  body: { data?: any; errors?: { extensions?: Record<string, unknown> }[] };
}

/** `OK`, the first error's code, or `HTTP <status>` when the answer was not a GraphQL result. */
export function outcomeOf(answer: GraphQLAnswer): string {
  if (answer.status >= 500 || !answer.body) return `HTTP ${answer.status}`;
  const code = answer.body.errors?.[0]?.extensions?.code;
  return code ? String(code) : answer.body.errors ? "NO_CODE" : "OK";
}

export function tally(outcomes: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of outcomes) out[o] = (out[o] ?? 0) + 1;
  return out;
}

/**
 * Runs `request(worker, n)` from `concurrency` workers for `seconds`.
 * `request` returns its outcome; a thrown error (no answer at all) counts as
 * `NO_ANSWER`. `onTick` runs every second with the seconds elapsed.
 */
export async function runLoad(options: {
  seconds: number;
  concurrency: number;
  request: (worker: number, n: number) => Promise<string>;
  onTick?: (elapsed: number) => void | Promise<void>;
}): Promise<LoadResult> {
  const until = Date.now() + options.seconds * 1000;
  const outcomes: string[] = [];
  let n = 0;
  let elapsed = 0;
  const ticker = setInterval(() => void options.onTick?.(++elapsed), 1000);
  const worker = async (w: number) => {
    while (Date.now() < until) {
      const i = n++;
      try {
        outcomes.push(await options.request(w, i));
      } catch {
        outcomes.push("NO_ANSWER");
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  } finally {
    clearInterval(ticker);
  }
  return { sent: outcomes.length, outcomes: tally(outcomes) };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
