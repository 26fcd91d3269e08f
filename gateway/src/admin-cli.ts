/**
 * What the coordinator's command-line tools share (`pnpm plugin`, `pnpm
 * documents`): the hub to talk to, the coordinator's token, and how answers
 * are reported.
 *
 * HUB_URL (default http://127.0.0.1:4000) is the gateway; BDP_TOKEN a
 * coordinator's token, else a development one is made with AUTH_JWT_SECRET
 * (or the development secret).
 */
import { DEV_SECRET, signDevToken } from "./auth/jwt.js";

export const HUB = (process.env.HUB_URL ?? "http://127.0.0.1:4000").replace(/\/$/, "");

export function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function token(who: string): string {
  if (process.env.BDP_TOKEN) return process.env.BDP_TOKEN;
  const now = Math.floor(Date.now() / 1000);
  return signDevToken({ sub: who, role: "coordinator", iat: now, exp: now + 600 }, process.env.AUTH_JWT_SECRET || DEV_SECRET);
}

/** A request to the hub's administration as the coordinator (`who` names the tool in a development token). */
export async function adminCall(who: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  let response: Response;
  try {
    response = await fetch(`${HUB}${path}`, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${token(who)}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    fail(`The hub at ${HUB} does not answer (${(error as Error).message}); start it with \`pnpm start\` or set HUB_URL.`, 1);
  }
  return { status: response.status, body: await response.json() };
}

/** The answer as JSON, or its errors (code and message) and exit code 1. */
export function report(result: { status: number; body: any }): void {
  const errors = (result.body.errors ?? []) as { message: string; extensions: { code: string } }[];
  if (errors.length) {
    for (const e of errors) process.stderr.write(`✗ ${e.extensions.code}: ${e.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify(result.body, null, 2)}\n`);
}
