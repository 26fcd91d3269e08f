import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envName } from "@bdp/kit/server";
import { TEST_JWT_SECRET, startTestHub, type TestHub } from "../src/hub.js";

/** SIGTERM under load (issue #7): the gateway process lets requests in flight finish, then exits 0. */
let hub: TestHub;
let gateway: ChildProcess;
let url: string;
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

beforeAll(async () => {
  hub = await startTestHub("e2e_sigterm");
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HUB_SIGNING_KEY: hub.signingKey,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    GATEWAY_PORT: "0",
    LOG_LEVEL: "info",
    RATE_LIMIT_BURST: "100000",
  };
  for (const s of Object.values(hub.subgraphs)) env[`${envName(s.name)}_URL`] = s.graphqlUrl;
  gateway = spawn(process.execPath, ["--conditions=source", "--import", "@swc-node/register/esm-register", "src/main.ts"], { cwd: `${ROOT}gateway`, env, stdio: ["ignore", "pipe", "inherit"] });
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("gateway did not start")), 60_000);
    let buffer = "";
    gateway.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /"msg":"gateway ready","url":"([^"]+)"/.exec(buffer);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
});
afterAll(async () => {
  if (gateway.exitCode === null) gateway.kill("SIGKILL");
  await hub?.close();
});

describe("graceful stop", () => {
  it("finishes every request in flight when SIGTERM arrives, then exits 0 and takes no new ones", async () => {
    const query = JSON.stringify({ query: "{ partners(first: 60) { nodes { name trainingProgrammes { title editions { seatsLeft } } activationProgrammes { name } initiatives { title } } } }" });
    const inFlight = Array.from({ length: 30 }, () => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: query }).then(async (r) => ({ status: r.status, partners: ((await r.json()) as any).data?.partners?.nodes?.length })));
    await new Promise((r) => setTimeout(r, 30));
    const exited = new Promise<number | null>((resolve) => gateway.once("exit", (code) => resolve(code)));
    gateway.kill("SIGTERM");
    const results = await Promise.all(inFlight);
    console.log("in flight at SIGTERM:", results.length, "answered 200 with data:", results.filter((r) => r.status === 200 && r.partners === 60).length);
    expect(results.every((r) => r.status === 200 && r.partners === 60)).toBe(true);
    expect(await exited).toBe(0);
    await expect(fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: query })).rejects.toThrow();
  });
});
