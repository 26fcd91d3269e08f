/**
 * The hub's services as child processes, for the launchers: `pnpm start`
 * (one of each, gateway in process) and `pnpm start:cluster` (replicas of
 * each behind HAProxy). A service's `src/main.ts` runs under the same
 * TypeScript runner as `pnpm --filter … start`, and says it is ready over
 * IPC (`{ type: "ready", url }`); it stops when its launcher goes away,
 * however that went (the IPC channel closes).
 */
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The workspace's root folder. */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const RUNNER = ["--conditions=source", "--import", "@swc-node/register/esm-register"];

/** Whether services start from the compiled workspace (compiled.ts) or from their sources. */
let fromCompiled = false;

/**
 * Compiles the workspace for the child processes, unless COMPILE=off or
 * compiling fails (the services then run from their sources, as before).
 */
export async function prepareServices(log: { info(msg: string, data?: object): void; warn(msg: string, data?: object): void }): Promise<void> {
  if (process.env.COMPILE === "off") return;
  try {
    const { compileWorkspace } = await import("./compiled.js");
    const result = await compileWorkspace(ROOT);
    fromCompiled = true;
    if (result.files) log.info("workspace compiled for the services", result);
  } catch (error) {
    log.warn("could not compile the workspace: the services run from their TypeScript sources", { error: (error as Error).message });
  }
}

export interface ServiceProcess {
  name: string;
  /** The GraphQL URL the service announced. */
  url: string;
  child: ChildProcess;
  /** Settles with the exit code (null when a signal ended it) once the process is gone. */
  exited: Promise<number | null>;
  /** SIGTERM (the service drains and exits), SIGKILL if it is still there after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `<dir>/src/main.ts` with `env` and resolves once it is ready; fails
 * when it exits first or takes longer than `timeoutMs`.
 */
export function startService(
  name: string,
  dir: string,
  env: NodeJS.ProcessEnv,
  options: { timeoutMs?: number; output?: "inherit" | "ignore" | number } = {},
): Promise<ServiceProcess> {
  const child = fork(fromCompiled ? `${dir}/dist/main.js` : `${dir}/src/main.ts`, [], {
    cwd: dir,
    execArgv: fromCompiled ? [] : RUNNER,
    env,
    stdio: ["ignore", options.output ?? "inherit", options.output ?? "inherit", "ipc"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };
  const timeoutMs = options.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} did not start within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on("message", (m: { type?: string; url?: string }) => {
      if (m?.type === "ready" && m.url) {
        clearTimeout(timer);
        resolve({ name, url: m.url, child, exited, stop });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} while starting`));
    });
  });
}

/** Where a core subgraph's sources are. */
export const subgraphDir = (name: string) => `${ROOT}subgraphs/${name}`;
/** Where the gateway's sources are. */
export const GATEWAY_DIR = `${ROOT}gateway`;

export interface ExamplePlugin {
  slug: string;
  url: string;
  ownerPartnerId: string;
  dir: string;
}

/** The example plugins the launchers run beside the core: every plugins/<slug> with a plugin.json, but the template. */
export function examplePlugins(): ExamplePlugin[] {
  const dir = `${ROOT}plugins`;
  return readdirSync(dir)
    .filter((d) => d !== "template" && existsSync(`${dir}/${d}/plugin.json`))
    .map((d) => ({ ...(JSON.parse(readFileSync(`${dir}/${d}/plugin.json`, "utf8")) as Omit<ExamplePlugin, "dir">), dir: `${dir}/${d}` }));
}
