import { dirname, join } from "node:path";
import type { SupergraphSdlHook } from "@apollo/gateway";
import {
  admit, composeWith, encodeIdentity, pluginSigningKey, readCoreSdls, signRequest,
  type Admission, type Identity, type Logger, type RegisteredPlugin, type SubgraphSdl, type Violation,
} from "@bdp/kit";

export type Change = { ok: true; plugin: RegisteredPlugin; offers: number; problems: string[] } | { ok: false; violations: Violation[] };

/** The committed SDL of each core subgraph (`schema/subgraphs/<name>.graphql`, kept in step with the code by a test), at the URLs the gateway uses. */
export function readCoreSubgraphs(supergraphPath: string, urls: Record<string, string>): SubgraphSdl[] {
  const core = readCoreSdls(join(dirname(supergraphPath), "subgraphs"), (name) => urls[name]!).filter((s) => s.name in urls);
  const missing = Object.keys(urls).filter((name) => !core.some((c) => c.name === name));
  if (missing.length) throw new Error(`no committed SDL for ${missing.join(", ")} beside ${supergraphPath} (run \`pnpm compose\`)`);
  return core;
}

/**
 * Plugins in a running hub (issue #4): the gateway's supergraph manager.
 * The supergraph is the core's committed subgraphs plus every admitted
 * plugin, composed here; a registration, update or removal is checked,
 * recorded in the offers catalogue's registry, recomposed, and swapped in
 * without a restart (requests in flight finish on the graph they started
 * with). A candidate that fails leaves the last good supergraph serving.
 */
export class PluginManager {
  private readonly plugins = new Map<string, RegisteredPlugin>();
  private update?: (supergraphSdl: string) => void;
  private current: string;
  private queue: Promise<unknown> = Promise.resolve();
  private loaded = false;
  private markLoaded!: () => void;
  /** Settles once the registry has been read and its plugins composed in. */
  readonly whenLoaded = new Promise<void>((resolve) => (this.markLoaded = resolve));

  constructor(
    private readonly options: {
      core: SubgraphSdl[];
      initialSupergraph: string;
      /** The offers catalogue's base URL, where the registry lives. */
      registryUrl: string;
      /** The partners subgraph's GraphQL URL, to check a plugin's owner. */
      partnersUrl: string;
      signingKey: string;
      log: Logger;
      /** Retry reading the registry at start-up this often while the catalogue is away. */
      retryMs?: number;
    },
  ) {
    this.current = options.initialSupergraph;
  }

  /** For ApolloGateway's `supergraphSdl`: the current supergraph, and a way to swap it. */
  readonly hook: SupergraphSdlHook = async ({ update }) => {
    this.update = update;
    return { supergraphSdl: this.current, cleanup: async () => this.stopRetrying() };
  };

  private retryTimer?: NodeJS.Timeout;
  private stopRetrying(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  isPlugin(name: string): boolean {
    return !this.options.core.some((c) => c.name === name);
  }

  /** The key a subgraph's requests are signed with: the hub's for the core, a derived one for each plugin. */
  signingKeyFor(name: string): string {
    return this.isPlugin(name) ? pluginSigningKey(this.options.signingKey, name) : this.options.signingKey;
  }

  list(): RegisteredPlugin[] {
    return [...this.plugins.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  }

  /** Reads the registry and composes every plugin in; retries in the background while the catalogue is away. */
  async load(): Promise<boolean> {
    try {
      const { plugins } = (await this.registry("GET", "", undefined, { kind: "anonymous" })) as { plugins: RegisteredPlugin[] };
      this.loaded = true;
      const admitted: SubgraphSdl[] = [];
      for (const plugin of plugins) {
        const composed = composeWith([...this.options.core, ...admitted, { name: plugin.slug, url: plugin.url, sdl: plugin.sdl }]);
        if (!composed.ok) {
          this.options.log.error("registered plugin left out: it no longer composes", { plugin: plugin.slug, violations: composed.violations });
          continue;
        }
        this.plugins.set(plugin.slug, plugin);
        admitted.push({ name: plugin.slug, url: plugin.url, sdl: plugin.sdl });
      }
      if (admitted.length) this.swap(this.compose());
      this.options.log.info("plugins loaded", { plugins: [...this.plugins.keys()] });
      this.markLoaded();
      return true;
    } catch (error) {
      this.options.log.warn("plugin registry not reachable; serving the core, retrying", { reason: (error as Error).message });
      // one retry pending at a time, however many callers found the registry away
      this.stopRetrying();
      this.retryTimer = setTimeout(() => void this.load(), this.options.retryMs ?? 5000);
      this.retryTimer.unref();
      return false;
    }
  }

  /** Runs the admission checks without changing anything. */
  check(url: string, updating?: string): Promise<Admission> {
    return admit({
      url,
      core: this.options.core,
      plugins: this.list().filter((p) => p.slug !== updating).map((p) => ({ name: p.slug, url: p.url, sdl: p.sdl })),
      updating,
      fetchSdl: (target, slug) => this.fetchSdl(target, slug),
      partnerIsActive: (id) => this.partnerIsActive(id),
    });
  }

  register(url: string, by: Identity): Promise<Change> {
    return this.serially(async () => this.admitAndRecord(url, by));
  }

  updatePlugin(slug: string, url: string | undefined, by: Identity): Promise<Change | undefined> {
    return this.serially(async () => {
      const existing = this.plugins.get(slug);
      if (!existing) return undefined;
      return this.admitAndRecord(url ?? existing.url, by, slug);
    });
  }

  remove(slug: string, by: Identity): Promise<boolean> {
    return this.serially(async () => {
      if (!this.plugins.has(slug)) return false;
      await this.registry("DELETE", `/${slug}`, undefined, by);
      this.plugins.delete(slug);
      this.swap(this.compose());
      this.options.log.info("plugin removed", { plugin: slug });
      return true;
    });
  }

  private async admitAndRecord(url: string, by: Identity, updating?: string): Promise<Change> {
    if (!this.loaded && !(await this.load())) {
      return { ok: false, violations: [{ code: "PLUGIN_UNREACHABLE", message: "The plugin registry (the offers catalogue) is not reachable; try again" }] };
    }
    const admission = await this.check(url, updating);
    if (!admission.ok) {
      this.options.log.warn("plugin refused", { url, violations: admission.violations.map((v) => v.code) });
      return { ok: false, violations: admission.violations };
    }
    const { manifest, sdl } = admission.candidate;
    const plugin: RegisteredPlugin = { slug: manifest.slug, name: manifest.name, description: manifest.description ?? null, ownerPartnerId: manifest.ownerPartnerId, url, contact: manifest.contact, version: manifest.version, sdl };
    // the registry first: a registration that was not recorded is not served
    const refreshed = (await this.registry("PUT", `/${plugin.slug}`, JSON.stringify(plugin), by)) as { offers: number; problems: string[] };
    this.plugins.set(plugin.slug, plugin);
    this.swap(admission.supergraphSdl);
    this.options.log.info(updating ? "plugin updated" : "plugin admitted", { plugin: plugin.slug, offers: refreshed.offers });
    return { ok: true, plugin, offers: refreshed.offers, problems: refreshed.problems };
  }

  private compose(): string {
    const composed = composeWith([...this.options.core, ...this.list().map((p) => ({ name: p.slug, url: p.url, sdl: p.sdl }))]);
    if (!composed.ok) throw new Error(`composition failed: ${composed.violations.map((v) => v.message).join("; ")}`);
    return composed.supergraphSdl;
  }

  private swap(supergraphSdl: string): void {
    this.current = supergraphSdl;
    this.update?.(supergraphSdl);
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => {});
    return run;
  }

  /** A request signed as the gateway signs subgraph requests (signRequest adds the identity header). */
  private signed(url: string, key: string, identity: Identity, method: string, body: string | undefined, timeoutMs: number): Promise<Response> {
    return fetch(url, {
      method,
      headers: { "content-type": "application/json", ...signRequest(key, encodeIdentity(identity), body ?? "") },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  private async registry(method: string, path: string, body: string | undefined, identity: Identity): Promise<unknown> {
    const response = await this.signed(`${this.options.registryUrl}/internal/plugins${path}`, this.options.signingKey, identity, method, method === "GET" || method === "DELETE" ? undefined : body, 15_000);
    if (!response.ok) throw new Error(`registry ${method} ${path}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
    return response.json();
  }

  private async fetchSdl(url: string, slug: string): Promise<string> {
    const body = JSON.stringify({ query: "{ _service { sdl } }" });
    const response = await this.signed(url, pluginSigningKey(this.options.signingKey, slug), { kind: "anonymous" }, "POST", body, 5000);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const sdl = ((await response.json()) as { data?: { _service?: { sdl?: unknown } } }).data?._service?.sdl;
    if (typeof sdl !== "string") throw new Error("no SDL in the answer to { _service { sdl } }");
    return sdl;
  }

  private async partnerIsActive(id: string): Promise<boolean> {
    const body = JSON.stringify({ query: "query($id: ID!) { partner(id: $id) { status } }", variables: { id } });
    try {
      const response = await this.signed(this.options.partnersUrl, this.options.signingKey, { kind: "anonymous" }, "POST", body, 5000);
      const status = ((await response.json()) as { data?: { partner?: { status?: string } | null } }).data?.partner?.status;
      return status === "ACTIVE";
    } catch {
      return false;
    }
  }
}
