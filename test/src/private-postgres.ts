import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./ports.js";

/**
 * A PostgreSQL server of the test's own, so that a fault test may restart it
 * without disturbing the server every other test file shares. Uses the
 * machine's PostgreSQL binaries (`/usr/lib/postgresql/<n>/bin`); PostgreSQL
 * refuses to run as root, so as root it runs as the `postgres` user.
 */
export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:<port>/bdp`: a base URL for `DatabaseTarget`. */
  url: string;
  port: number;
  /**
   * `pg_ctl restart -m fast`: every connection is cut; the server is back when
   * the promise settles. Asynchronous, so the services under test keep running.
   */
  restart(): Promise<void>;
  stop(): void;
}

/** Where the PostgreSQL server binaries are, or undefined when the machine has none. */
export function postgresBinaries(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : undefined;
}


/** A streaming read replica of a private server (`pg_basebackup -R`, hot standby). */
export interface PrivateReplica {
  url: string;
  port: number;
  /** Stops applying what it receives (`pg_wal_replay_pause()`): it lags as far behind as the test wants. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  stop(): void;
}

export interface PrivatePostgresWithReplicas extends PrivatePostgres {
  /** A new streaming replica of this server, caught up with it when the promise settles. */
  startReplica(): Promise<PrivateReplica>;
}

/** Runs the machine's PostgreSQL tools, as the `postgres` user when root (PostgreSQL refuses to run as root). */
function tools(bin: string, dir: string) {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(dir, uid, gid);
  }
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, tool), ...args]] : [join(bin, tool), args];
  const run = (tool: string, args: string[]) => execFileSync(...command(tool, args), { stdio: ["ignore", "ignore", "pipe"], cwd: dir });
  return { command, run };
}

export async function startPrivatePostgres(): Promise<PrivatePostgresWithReplicas> {
  const bin = postgresBinaries();
  if (!bin) throw new Error("no PostgreSQL binaries under /usr/lib/postgresql");
  const dir = mkdtempSync(join(tmpdir(), "bdp-pg-"));
  const { command, run } = tools(bin, dir);
  const data = join(dir, "data");
  run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const ctlArgs = (...args: string[]) => ["-D", data, "-l", join(dir, "log"), "-w", "-t", "60", ...args];
  run("pg_ctl", ctlArgs("-o", options, "start"));
  const replicas: PrivateReplica[] = [];
  return {
    url: `postgres://postgres@127.0.0.1:${port}/bdp`,
    port,
    async restart() {
      await promisify(execFile)(...command("pg_ctl", ctlArgs("-m", "fast", "-o", options, "restart")), { cwd: dir });
    },
    async startReplica() {
      const replicaDir = mkdtempSync(join(tmpdir(), "bdp-pg-replica-"));
      const replica = tools(bin, replicaDir);
      const replicaData = join(replicaDir, "data");
      // initdb's pg_hba lets local replication connections in (trust)
      replica.run("pg_basebackup", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-D", replicaData, "-R", "-X", "stream", "--no-sync"]);
      const replicaPort = await freePort();
      const replicaArgs = (...args: string[]) => ["-D", replicaData, "-l", join(replicaDir, "log"), "-w", "-t", "60", ...args];
      replica.run("pg_ctl", replicaArgs("-o", `-p ${replicaPort} -k ${replicaDir} -c listen_addresses=127.0.0.1 -c hot_standby=on`, "start"));
      const url = `postgres://postgres@127.0.0.1:${replicaPort}/bdp`;
      const sql = async (statement: string) => {
        const { default: pg } = await import("pg");
        const client = new pg.Client({ connectionString: url.replace(/\/bdp$/, "/postgres") });
        await client.connect();
        try {
          await client.query(statement);
        } finally {
          await client.end();
        }
      };
      const handle: PrivateReplica = {
        url,
        port: replicaPort,
        pauseReplay: () => sql("select pg_wal_replay_pause()"),
        resumeReplay: () => sql("select pg_wal_replay_resume()"),
        stop() {
          const at = replicas.indexOf(handle);
          if (at < 0) return;
          replicas.splice(at, 1);
          try {
            replica.run("pg_ctl", replicaArgs("-m", "immediate", "stop"));
          } finally {
            rmSync(replicaDir, { recursive: true, force: true });
          }
        },
      };
      replicas.push(handle);
      return handle;
    },
    stop() {
      for (const r of [...replicas]) r.stop();
      try {
        run("pg_ctl", ctlArgs("-m", "immediate", "stop"));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
