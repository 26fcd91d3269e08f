import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * The network edge toward partners' plugins (issue #11): every fetch the hub
 * makes of a plugin — the gateway's queries, the admission probe, the
 * catalogue's feed reads — goes through `pluginFetch`, which
 *
 * - never follows a redirect (a 3xx is a failure: a plugin could otherwise
 *   point the hub at its own internal endpoints);
 * - reads at most `maxBytes` of the answer and stops at `timeoutMs`;
 * - connects only to public addresses, unless an address is on the
 *   explicit allow-list (`PLUGIN_ALLOWED_ADDRESSES`; `pnpm start` and the
 *   tests allow the loopback addresses of the example plugins). The check is
 *   made on the address actually connected to, so a name that resolves to a
 *   private address later (DNS rebinding) is refused then too;
 * - fails with one of a few fixed reasons, never with the plugin's bytes or
 *   the URL, so nothing a plugin says reaches a client through an error, and
 *   a refused port and a closed one look the same.
 */
export type PluginFetchFailure =
  /** No answer: refused, reset, unknown host, timeout or not HTTP. One reason, so ports cannot be told apart. */
  | "unreachable"
  /** The answer was a redirect. */
  | "redirect"
  /** The answer was larger than the limit. */
  | "too-large"
  /** The address is loopback, link-local or private and not on the allow-list. */
  | "address-not-allowed"
  /** An HTTP status other than 2xx. */
  | "http-status";

/**
 * The fixed, client-safe sentence for each failure. A closed port, a
 * timeout, an error status and an answer that is not a plugin's read the
 * same, so the hub cannot be used to tell open ports from closed ones; the
 * server log keeps the detail for the operator.
 */
const NO_ANSWER = "no plugin answered at its address";
export const PLUGIN_FETCH_REASONS: Record<PluginFetchFailure, string> = {
  unreachable: NO_ANSWER,
  "http-status": NO_ANSWER,
  redirect: "the plugin answered with a redirect, which the hub never follows",
  "too-large": "the plugin's answer was over the size limit",
  "address-not-allowed": "the plugin's address is loopback, link-local or private, and not on the hub's allow-list",
};

export class PluginFetchError extends Error {
  override name = "PluginFetchError";
  constructor(
    readonly failure: PluginFetchFailure,
    /** For the server log only: never shown to clients. */
    readonly detail?: string,
  ) {
    super(PLUGIN_FETCH_REASONS[failure]);
  }
}

/** Size and time limits of plugin fetches (README, Configuration). */
export interface PluginLimits {
  /** Largest GraphQL answer a plugin may give the gateway (PLUGIN_MAX_ANSWER_BYTES, 5 MB). */
  answerBytes: number;
  /** Largest offer feed (PLUGIN_MAX_FEED_BYTES, 10 MB). */
  feedBytes: number;
  /** Largest manifest or SDL answer at admission (1 MB). */
  probeBytes: number;
  /** Time limit of one fetch (PLUGIN_TIMEOUT_MS, 5 s). */
  timeoutMs: number;
}

export const DEFAULT_PLUGIN_LIMITS: PluginLimits = { answerBytes: 5_000_000, feedBytes: 10_000_000, probeBytes: 1_000_000, timeoutMs: 5_000 };

/** PLUGIN_MAX_ANSWER_BYTES, PLUGIN_MAX_FEED_BYTES, PLUGIN_TIMEOUT_MS: whole positive numbers, else the defaults. */
export function pluginLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): PluginLimits {
  const n = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    ...DEFAULT_PLUGIN_LIMITS,
    answerBytes: n("PLUGIN_MAX_ANSWER_BYTES", DEFAULT_PLUGIN_LIMITS.answerBytes),
    feedBytes: n("PLUGIN_MAX_FEED_BYTES", DEFAULT_PLUGIN_LIMITS.feedBytes),
    timeoutMs: n("PLUGIN_TIMEOUT_MS", DEFAULT_PLUGIN_LIMITS.timeoutMs),
  };
}

/** Addresses no plugin may be reached at unless allowed: loopback, link-local, private, shared, reserved, multicast. */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.0.0.0", 24],
  ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) PRIVATE.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96]] as const) PRIVATE.addSubnet(net, prefix, "ipv6");

/** `::ffff:127.0.0.1` is 127.0.0.1. */
function normalise(address: string): { address: string; family: "ipv4" | "ipv6" } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: "ipv4" };
  return { address, family: isIP(address) === 6 ? "ipv6" : "ipv4" };
}

/**
 * Which addresses plugins may be reached at. Public addresses always; a
 * private one only when an allow-list entry names it: an address
 * (`127.0.0.1`), an address and port (`127.0.0.1:4101`, `[::1]:4101`) or a
 * subnet (`10.20.0.0/16`).
 */
export class PluginAddressPolicy {
  private readonly subnets = new BlockList();
  private readonly exact = new Set<string>();
  private readonly withPort = new Set<string>();

  constructor(readonly allow: readonly string[] = []) {
    for (const entry of allow.map((e) => e.trim()).filter(Boolean)) {
      const subnet = /^([^/]+)\/(\d{1,3})$/.exec(entry);
      if (subnet && isIP(subnet[1]!)) {
        this.subnets.addSubnet(subnet[1]!, Number(subnet[2]), isIP(subnet[1]!) === 6 ? "ipv6" : "ipv4");
        continue;
      }
      const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
      const [host, port] = bracketed ? [bracketed[1]!, bracketed[2]] : isIP(entry) ? [entry, undefined] : entry.split(":");
      if (!host || !isIP(host)) throw new Error(`PLUGIN_ALLOWED_ADDRESSES: "${entry}" is not an address, address:port or subnet`);
      const address = normalise(host).address;
      if (port) this.withPort.add(`${address}|${Number(port)}`);
      else this.exact.add(address);
    }
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): PluginAddressPolicy {
    return new PluginAddressPolicy((env.PLUGIN_ALLOWED_ADDRESSES ?? "").split(","));
  }

  /** Whether the hub may connect to this address and port for a plugin. */
  allows(rawAddress: string, port: number): boolean {
    const { address, family } = normalise(rawAddress);
    if (!PRIVATE.check(address, family)) return true;
    return this.exact.has(address) || this.withPort.has(`${address}|${port}`) || this.subnets.check(address, family);
  }

  /** A resolver that refuses to hand out an address the policy does not allow. */
  lookupFor(port: number): LookupFunction {
    return ((hostname: string, options: object, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
      dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
        if (error) return callback(error, "", 0);
        const list = addresses as LookupAddress[];
        const refused = list.find((a) => !this.allows(a.address, port));
        if (refused || list.length === 0) return callback(Object.assign(new Error("address not allowed"), { code: "EPLUGINADDRESS" }), "", 0);
        if ((options as { all?: boolean }).all) return callback(null, list);
        return callback(null, list[0]!.address, list[0]!.family);
      });
    }) as LookupFunction;
  }
}

/** Whether a plugin URL may be used at all: http(s), and, for a literal address, one the policy allows. Names are checked when connecting. */
export function checkPluginUrl(url: string, policy: PluginAddressPolicy): PluginFetchFailure | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "unreachable";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "unreachable";
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !policy.allows(host, portOf(parsed))) return "address-not-allowed";
  return null;
}

const portOf = (url: URL) => Number(url.port || (url.protocol === "https:" ? 443 : 80));

export interface PluginFetchOptions {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  maxBytes: number;
  timeoutMs: number;
  policy: PluginAddressPolicy;
}

export interface PluginAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** Keep-alive pools for plugin connections: one per protocol; the address check runs on every new connection. */
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });

/**
 * One request to a plugin under the edge's rules. Resolves with any status
 * but 3xx (the caller decides what a 4xx or 5xx means); rejects with a
 * PluginFetchError.
 */
export function pluginFetch(url: string, options: PluginFetchOptions): Promise<PluginAnswer> {
  const refused = checkPluginUrl(url, options.policy);
  if (refused) return Promise.reject(new PluginFetchError(refused));
  const target = new URL(url);
  const port = portOf(target);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<PluginAnswer>((resolve, reject) => {
    let settled = false;
    const fail = (failure: PluginFetchFailure, detail?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(new PluginFetchError(failure, detail));
    };
    const req = send(
      target,
      {
        method: options.method ?? "GET",
        headers: { accept: "application/json", ...options.headers, ...(options.body !== undefined ? { "content-length": String(Buffer.byteLength(options.body)) } : {}) },
        agent: target.protocol === "https:" ? httpsAgent : httpAgent,
        lookup: options.policy.lookupFor(port),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          res.resume();
          return fail("redirect", `HTTP ${status}`);
        }
        const declared = Number(res.headers["content-length"]);
        if (Number.isFinite(declared) && declared > options.maxBytes) {
          res.destroy();
          return fail("too-large", `content-length ${declared}`);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            res.destroy();
            return fail("too-large", `over ${options.maxBytes} bytes`);
          }
          chunks.push(chunk);
        });
        res.on("end", () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") });
        });
        res.on("error", (error) => fail("unreachable", error.message));
      },
    );
    const timer = setTimeout(() => fail("unreachable", `no answer within ${options.timeoutMs} ms`), options.timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => fail(error.code === "EPLUGINADDRESS" ? "address-not-allowed" : "unreachable", error.message));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** GET a JSON document from a plugin: a 2xx answer that parses, or a PluginFetchError. */
export async function pluginJson(url: string, options: Omit<PluginFetchOptions, "method" | "body">): Promise<unknown> {
  const answer = await pluginFetch(url, options);
  if (answer.status < 200 || answer.status >= 300) throw new PluginFetchError("http-status", `HTTP ${answer.status}`);
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    throw new PluginFetchError("unreachable", "not JSON");
  }
}
