import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { newWebhookSecret, verifyWebhook, webhookHeaders } from "@bdp/kit/server";

/**
 * The hub's webhook signatures against the Standard Webhooks reference
 * library that partners' receivers may use: each side accepts what the other
 * signs, and rejects a changed body, another secret and an old timestamp.
 */
describe("webhook signatures (Standard Webhooks)", () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ id: "3f1c7a52-9a57-4c89-8a59-2b7f3c0e2d11", type: "PARTNER_JOINED", data: { name: "Fundacja Łączy Nas" } });
  const id = "3f1c7a52-9a57-4c89-8a59-2b7f3c0e2d11";

  it("the reference library accepts what the hub signs", () => {
    const headers = webhookHeaders(secret, id, body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("the hub's check accepts what the reference library signs", () => {
    const now = new Date();
    const signature = new Webhook(secret).sign(id, now, body);
    const headers = { "webhook-id": id, "webhook-timestamp": String(Math.floor(now.getTime() / 1000)), "webhook-signature": signature };
    expect(verifyWebhook(secret, headers, body)).toEqual({ ok: true, id });
  });

  it("a changed body, another secret, another id or an old timestamp is refused by both", () => {
    const headers = webhookHeaders(secret, id, body);
    const changed = body.replace("Łączy", "Dzieli");
    expect(verifyWebhook(secret, headers, changed)).toEqual({ ok: false, reason: "signature does not match" });
    expect(() => new Webhook(secret).verify(changed, headers)).toThrow();
    const other = newWebhookSecret();
    expect(verifyWebhook(other, headers, body).ok).toBe(false);
    expect(() => new Webhook(other).verify(body, headers)).toThrow();
    expect(verifyWebhook(secret, { ...headers, "webhook-id": "another" }, body).ok).toBe(false);
    const old = webhookHeaders(secret, id, body, Date.now() - 10 * 60_000);
    expect(verifyWebhook(secret, old, body)).toEqual({ ok: false, reason: "timestamp outside the tolerance" });
    expect(() => new Webhook(secret).verify(body, old)).toThrow();
  });

  it("a rotated secret may sign with several: any one that matches passes", () => {
    const headers = webhookHeaders(secret, id, body);
    const both = { ...headers, "webhook-signature": `${webhookHeaders(newWebhookSecret(), id, body)["webhook-signature"]} ${headers["webhook-signature"]}` };
    expect(verifyWebhook(secret, both, body).ok).toBe(true);
  });
});
