import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A running hostile plugin process, driven by the test (test/red-team/hostile-plugin.ts). */
export interface HostilePlugin {
  slug: string;
  url: string;
  port: number;
  /** Switches how it behaves from now on. */
  setMode(mode: string): Promise<void>;
  /** The requests it received, with their headers. */
  captured(): Promise<{ url: string; headers: Record<string, string>; body: string }[]>;
  close(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL("./hostile-plugin.ts", import.meta.url));
/** The test package: its tsconfig is what the TypeScript loader compiles the fixture with. */
const TEST_DIR = fileURLToPath(new URL("..", import.meta.url));

/** Starts a scenario as its own process; `env` is all it gets (the launcher's environment, or a test's). */
export async function startHostile(scenario: string, env: NodeJS.ProcessEnv): Promise<HostilePlugin> {
  const child: ChildProcess = fork(SCRIPT, [], {
    cwd: TEST_DIR,
    execArgv: ["--conditions=source", "--import", "@swc-node/register/esm-register"],
    env: { PATH: process.env.PATH, ...env, SCENARIO: scenario },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = <T>(type: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: { type?: string }) => {
        if (m?.type !== type) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(m as T);
      };
      const onExit = (code: number | null) => reject(new Error(`hostile plugin ${scenario} exited (${code})`));
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  const { url } = await next<{ url: string }>("ready");
  return {
    slug: scenario,
    url,
    port: Number(new URL(url).port),
    async setMode(mode) {
      const done = next("mode");
      child.send({ type: "mode", mode });
      await done;
    },
    async captured() {
      const answer = next<{ captured: { url: string; headers: Record<string, string>; body: string }[] }>("captured");
      child.send({ type: "captured" });
      return (await answer).captured;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
