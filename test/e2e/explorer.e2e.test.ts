import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * The explorer and the API under their Content-Security-Policy (issue #17),
 * in Debian's Chromium: Altair starts with nothing blocked, answers the
 * example query from the hub, cannot be pointed at another endpoint, and
 * neither the explorer nor the API can be framed.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (!CHROMIUM) console.log("explorer test skipped: no Chromium (apt-get install chromium, or set CHROMIUM_PATH)");

let hub: TestHub;
let browser: Browser;
beforeAll(async () => {
  hub = await startTestHub("e2e_explorer");
  if (CHROMIUM) browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking"] });
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe("security headers", () => {
  it("every API answer forbids framing and running anything; the explorer has a policy of its own", async () => {
    for (const path of ["/graphql?query=%7B__typename%7D", "/export", "/health/ready", "/metrics"]) {
      const response = await fetch(`${hub.gateway.url}${path}`, { headers: { accept: "application/json" } });
      expect(response.headers.get("content-security-policy"), path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
    const page = await fetch(`${hub.gateway.url}/explorer/`);
    const policy = page.headers.get("content-security-policy")!;
    expect(policy).toMatch(/connect-src 'self'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    expect(await page.text()).toContain(`nonce="${nonce}"`);
  });
});

describe.skipIf(!CHROMIUM)("the explorer in Chromium", () => {
  it("starts with nothing blocked and cannot reach another endpoint", async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${hub.gateway.url}/explorer/`, { waitUntil: "networkidle" });
    // Altair is up: its editor holds the example query
    await page.waitForFunction(() => document.body.innerText.includes("PartnersOverview"), undefined, { timeout: 20_000 });
    const own = await page.evaluate(async () => (await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) })).status);
    expect(own).toBe(200);
    // a shared link's endpoint elsewhere: the browser refuses to connect
    const elsewhere = await page.evaluate(async () => fetch("http://127.0.0.1:9/graphql").then(() => "reached", (e: Error) => e.name));
    expect(elsewhere).toBe("TypeError");
    const blocked = violations.filter((v) => !v.includes("127.0.0.1:9"));
    expect(blocked).toEqual([]);
    expect(violations.some((v) => v.includes("127.0.0.1:9"))).toBe(true);
    await page.close();
  }, 60_000);
});
