import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures as the Standard Webhooks specification writes them
 * (https://www.standardwebhooks.com), so receivers can check them with its
 * libraries in any language: the headers `webhook-id` (the event's id, also
 * the idempotency key), `webhook-timestamp` (Unix seconds) and
 * `webhook-signature` (`v1,` and the base64 HMAC-SHA256 of
 * `id.timestamp.body` under the secret's bytes). Secrets are `whsec_` and
 * base64.
 */
export const WEBHOOK_SECRET_PREFIX = "whsec_";

export function newWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString("base64");
}

const keyOf = (secret: string) => Buffer.from(secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret, "base64");

export function webhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  return "v1," + createHmac("sha256", keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
}

/** The headers a delivery carries. */
export function webhookHeaders(secret: string, id: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": webhookSignature(secret, id, timestamp, body) };
}

/**
 * A receiver's check: the signature is one of those listed (a rotated
 * secret may sign with several) and the timestamp within `toleranceS` of
 * now, so an old delivery cannot be replayed.
 */
export function verifyWebhook(secret: string, headers: Record<string, string | string[] | undefined>, body: string, options: { now?: number; toleranceS?: number } = {}): { ok: true; id: string } | { ok: false; reason: string } {
  const one = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const id = one("webhook-id");
  const timestamp = Number(one("webhook-timestamp"));
  const signatures = (one("webhook-signature") ?? "").split(" ").filter(Boolean);
  if (!id || !Number.isInteger(timestamp) || signatures.length === 0) return { ok: false, reason: "missing webhook headers" };
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceS ?? 300)) return { ok: false, reason: "timestamp outside the tolerance" };
  const expected = Buffer.from(webhookSignature(secret, id, timestamp, body));
  const match = signatures.some((s) => {
    const given = Buffer.from(s);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return match ? { ok: true, id } : { ok: false, reason: "signature does not match" };
}
