import { dirname, join } from "node:path";
import type { SupergraphManager } from "@apollo/gateway";
import type { GraphQLSchema } from "graphql";
import { HubError, violation, type Identity, type Logger, type Violation } from "@bdp/kit/server";
import { AnswerGuard, PluginAddressPolicy, pluginLimitsFromEnv, pluginSigningKey, type PluginLimits, type RegisteredPlugin } from "@bdp/kit/plugin";
import {
  admit, asSubgraph, breakingChanges, breaks, composeWith, coreShape, readCoreSdls, recheck, type Admission, type BreakingChange, type Candidate, type CoreShape, type SubgraphSdl,
} from "@bdp/kit/composition";
import type { UsageStore } from "../usage/usage.js";
import { RegistryConflict, type PluginRegistry, type RegistryState } from "./registry.js";

export type Change = { ok: true; plugin: RegisteredPlugin; offers: number; problems: string[]; version: number; impact?: Impact } | { ok: false; violations: Violation[]; impact?: Impact };

/** What an update would break (issue #17): each breaking change of the public API, and who used it in the last 30 days. */
export interface Impact {
  breaking: (BreakingChange & { usedBy: { client: string; requests: number; lastDay: string }[] })[];
}

/** The breaking changes clients used, for a refusal: "Offer.x was removed (used by dashboard: 12 requests, last 2026-12-01)". */
export function describeImpact(impact: Impact): string {
  const used = impact.breaking.filter((c) => c.usedBy.length);
  const shown = used.slice(0, 10).map((c) => `${c.change} (used by ${c.usedBy.map((u) => `${u.client}: ${u.requests} requests, last ${u.lastDay}`).join("; ")})`);
  return `The update breaks what clients used in the last 30 days: ${shown.join(" | ")}${used.length > 10 ? ` | and ${used.length - 10} more` : ""}. The coordinator may approve it with a reason (pnpm plugin update <slug> --approve "…").`;
}

/** The committed SDL of each core subgraph (`schema/subgraphs/<name>.graphql`, kept in step with the code by a test), at the URLs the gateway uses. */
export function readCoreSubgraphs(supergraphPath: string, urls: Record<string, string>): SubgraphSdl[] {
  const core = readCoreSdls(join(dirname(supergraphPath), "subgraphs"), (name) => urls[name]!).filter((s) => s.name in urls);
  const missing = Object.keys(urls).filter((name) => !core.some((c) => c.name === name));
  if (missing.length) throw new Error(`no committed SDL for ${missing.join(", ")} beside ${supergraphPath} (run \`pnpm compose\`)`);
  return core;
}

export interface PluginSupergraphOptions {
  core: SubgraphSdl[];
  /** The core's supergraph: served until the registry has been read. */
  initialSupergraph: string;
  registry: PluginRegistry;
  /** The hub's signing key: plugins' keys are derived from it. */
  signingKey: string;
  /** Whether a partner id is an active partner in the register. */
  partnerIsActive(id: string): Promise<boolean>;
  policy?: PluginAddressPolicy;
  limits?: PluginLimits;
  log: Logger;
  /** Retry reading the registry at start-up this often while the catalogue is away. */
  retryMs?: number;
  /** Which schema coordinates clients used (issue #17): an update that breaks one needs the coordinator's approval. */
  usage?: Pick<UsageStore, "usage">;
  /**
   * Changes made through other gateways (issue #13, item 2): how often the
   * registry is read for a newer supergraph (SUPERGRAPH_POLL_MS, 2 s; 0 never),
   * and the notifications that make it read at once (Redis, when there is one).
   */
  follow?: { pollMs: number; changes?: SupergraphChanges };
}

/** Word between gateways that the stored supergraph moved to a new version. */
export interface SupergraphChanges {
  publish(version: number): void;
  onChange(listener: (version: number) => void): void;
}

/** Who the gateway acts as when it changes the registry by itself (a recomposition at start). */
const GATEWAY: Identity = { kind: "coordinator", userId: "gateway" };

/**
 * Plugins in a running hub (issue #4, reshaped by issue #11): the gateway's
 * supergraph manager, in the shape of `@apollo/gateway`'s own
 * (`initialize({ update })` returns the first supergraph; `update` swaps in
 * the next). It owns every rule about plugins in one place — admission
 * (kit/plugin/admission.ts), the keys plugins are signed for, the guard on
 * their answers — and keeps nothing of its own: the registry holds the
 * registrations and the composed supergraph with its version, and this
 * holds a copy it rebuilds from there (at start, and when a change finds
 * another gateway got there first).
 *
 * A registration, update or removal is checked, stored with its new
 * supergraph in one transaction, and swapped in without a restart (requests
 * in flight finish on the graph they started with). A candidate that fails
 * leaves the last good supergraph serving.
 */
export class PluginSupergraphManager implements SupergraphManager {
  private readonly policy: PluginAddressPolicy;
  private readonly limits: PluginLimits;
  private readonly shape: CoreShape;
  private readonly coreApi: GraphQLSchema;
  private state: { plugins: RegisteredPlugin[]; generations: Record<string, number>; version: number; supergraphSdl: string; apiSchema: GraphQLSchema };
  private readonly guards = new Map<string, AnswerGuard>();
  private update?: (supergraphSdl: string) => void;
  private queue: Promise<unknown> = Promise.resolve();
  private loaded = false;
  private markLoaded!: () => void;
  /** Settles once the registry has been read and its plugins composed in. */
  readonly whenLoaded = new Promise<void>((resolve) => (this.markLoaded = resolve));
  private retryTimer?: NodeJS.Timeout;
  private pollTimer?: NodeJS.Timeout;
  private servingRegistry = false;

  constructor(private readonly options: PluginSupergraphOptions) {
    this.policy = options.policy ?? PluginAddressPolicy.fromEnv();
    this.limits = options.limits ?? pluginLimitsFromEnv();
    this.shape = coreShape(options.core);
    const core = composeWith(options.core);
    if (!core.ok) throw new Error(`the core does not compose: ${core.violations.map((v) => v.message).join("; ")}`);
    this.coreApi = core.apiSchema;
    this.state = { plugins: [], generations: {}, version: 0, supergraphSdl: options.initialSupergraph, apiSchema: core.apiSchema };
  }

  /** SupergraphManager: the supergraph to start with, and from now on a way to swap it. */
  async initialize({ update }: Parameters<SupergraphManager["initialize"]>[0]) {
    this.update = update;
    void this.load();
    const { pollMs = 2_000, changes } = this.options.follow ?? {};
    if (pollMs > 0) {
      this.pollTimer = setInterval(() => void this.follow(), pollMs);
      this.pollTimer.unref();
    }
    changes?.onChange((version) => {
      if (version !== this.state.version) void this.follow();
    });
    return {
      supergraphSdl: this.state.supergraphSdl,
      cleanup: async () => {
        this.stopRetrying();
        clearInterval(this.pollTimer);
      },
    };
  }

  private stopRetrying(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /**
   * Serves the registry's supergraph when another gateway stored a newer
   * version: read when told (a notification) and every `pollMs` as the
   * backstop for a notification lost. Nothing is stored from here.
   */
  private follow(): Promise<boolean> {
    return this.serially(async () => {
      if (!this.loaded) return false;
      try {
        const stored = await this.options.registry.read();
        if ((stored.supergraph?.version ?? 0) === this.state.version) return false;
        const kept = this.adopt(stored);
        this.swap(kept, false);
        this.options.log.info("supergraph followed: another gateway changed the plugins", { plugins: kept.plugins.map((p) => p.slug), version: kept.version });
        return true;
      } catch (error) {
        this.options.log.warn("plugin registry not reachable; serving the supergraph in hand", { reason: (error as Error).message });
        return false;
      }
    });
  }

  /** Whether the registry's supergraph is served (until then, the core alone). */
  get loadedFromRegistry(): boolean {
    return this.servingRegistry;
  }

  /** The version of the supergraph served (0 before the registry was read, or when it holds none). */
  get version(): number {
    return this.state.version;
  }

  isPlugin(name: string): boolean {
    return !this.options.core.some((c) => c.name === name);
  }

  list(): RegisteredPlugin[] {
    return [...this.state.plugins].sort((a, b) => a.slug.localeCompare(b.slug));
  }

  /** The slug's generation: a registered plugin's own, else the next registration's. */
  generationOf(slug: string): number {
    return this.state.plugins.find((p) => p.slug === slug)?.generation ?? this.state.generations[slug] ?? 0;
  }

  /** The key requests to a plugin of this slug are signed with, now (`pnpm plugin key`, the launcher). */
  pluginKey(slug: string): string {
    return pluginSigningKey(this.options.signingKey, slug, this.generationOf(slug));
  }

  /** The key a subgraph's requests are signed with: the hub's for the core, a derived one for each plugin. */
  signingKeyFor(name: string): string {
    return this.isPlugin(name) ? this.pluginKey(name) : this.options.signingKey;
  }

  /** How the gateway reaches a plugin: the network edge and the guard on its answers; undefined for the core. */
  edgeFor(name: string): { guard: AnswerGuard; policy: PluginAddressPolicy; limits: PluginLimits } | undefined {
    if (!this.isPlugin(name)) return undefined;
    const plugin = this.state.plugins.find((p) => p.slug === name);
    if (!plugin) return undefined;
    const key = `${plugin.slug}\n${plugin.sdl}`;
    let guard = this.guards.get(key);
    if (!guard) {
      guard = new AnswerGuard(plugin.slug, plugin.sdl, this.shape.keyFields);
      for (const k of this.guards.keys()) if (k.startsWith(`${plugin.slug}\n`)) this.guards.delete(k);
      this.guards.set(key, guard);
    }
    return { guard, policy: this.policy, limits: this.limits };
  }

  /** Field and type prefixes of the plugins in the graph (the cost limit counts their lists as the guard lets them through). */
  namespaces(): string[] {
    return this.state.plugins.map((p) => p.slug);
  }

  /**
   * Reads the registry, checks every registration again (a rule added since
   * judges old registrations too) and composes them; stores a new supergraph
   * version when the result differs from the stored one (the core changed,
   * or a plugin no longer passes). Retries in the background while the
   * registry is away, serving the core meanwhile.
   */
  async load(): Promise<boolean> {
    try {
      const stored = await this.options.registry.read();
      this.loaded = true;
      const kept = this.adopt(stored);
      const recomposing = !stored.supergraph || stored.supergraph.sdl !== kept.supergraphSdl;
      if (recomposing) {
        const change = kept.plugins.length === stored.plugins.length ? "recompose" : `recompose without ${stored.plugins.filter((p) => !kept.plugins.includes(p)).map((p) => p.slug).join(", ")}`;
        try {
          const { version } = await this.options.registry.recompose({ sdl: kept.supergraphSdl, basedOn: stored.supergraph?.version ?? 0 }, change, GATEWAY);
          kept.version = version;
        } catch (error) {
          if (!(error instanceof RegistryConflict)) throw error;
          // another gateway recomposed first: its version is the one to serve
          return this.load();
        }
      }
      this.swap(kept, recomposing);
      this.options.log.info("plugins loaded", { plugins: kept.plugins.map((p) => p.slug), version: kept.version });
      this.markLoaded();
      this.servingRegistry = true;
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

  /** The registry's registrations, each checked again in turn; those that no longer pass are left out, and logged. */
  private adopt(stored: RegistryState): typeof this.state {
    const plugins: RegisteredPlugin[] = [];
    let composed = { supergraphSdl: this.options.initialSupergraph, apiSchema: this.coreApi };
    for (const plugin of stored.plugins) {
      const result = recheck(this.options.core, plugins, plugin, composed.apiSchema);
      if (!result.ok) {
        this.options.log.error("registered plugin left out: it no longer passes admission", { plugin: plugin.slug, violations: result.violations.map((v) => v.code) });
        continue;
      }
      plugins.push(plugin);
      composed = result;
    }
    return { plugins, generations: stored.generations, version: stored.supergraph?.version ?? 0, ...composed };
  }

  /** The admission checks alone, changing nothing. */
  check(url: string, ownerPartnerId: string | undefined, updating?: string): Promise<Admission> {
    const others = this.state.plugins.filter((p) => p.slug !== updating);
    const baseline = updating ? this.baselineWithout(updating) : this.state.apiSchema;
    return admit(
      {
        core: this.options.core,
        plugins: others,
        baseline,
        policy: this.policy,
        limits: this.limits,
        signingKeyFor: (slug) => this.pluginKey(slug),
        partnerIsActive: (id) => this.options.partnerIsActive(id),
      },
      { url, ownerPartnerId, updating },
    );
  }

  /** The public API without one plugin: what its update may only add to. */
  private baselineWithout(slug: string): GraphQLSchema {
    const composed = composeWith([...this.options.core, ...this.state.plugins.filter((p) => p.slug !== slug).map(asSubgraph)]);
    if (!composed.ok) throw new Error("the plugins in the graph no longer compose without the one being updated");
    return composed.apiSchema;
  }

  register(url: string, ownerPartnerId: string, by: Identity): Promise<Change> {
    return this.serially(() => this.admitAndStore(url, ownerPartnerId, by));
  }

  /**
   * Reads a plugin again. An update that breaks a field, argument or value
   * clients used in the last 30 days is refused (SCHEMA_CHANGE_BREAKS_CLIENTS,
   * with the diff) unless the coordinator approves it with a reason, which
   * the registry keeps in the audit trail with the changes.
   */
  updatePlugin(slug: string, url: string | undefined, by: Identity, approval?: string): Promise<Change | undefined> {
    return this.serially(async () => {
      const existing = this.state.plugins.find((p) => p.slug === slug);
      if (!existing) return undefined;
      return this.admitAndStore(url ?? existing.url, existing.ownerPartnerId, by, slug, approval);
    });
  }

  /** The breaking changes from the API served now to `after`, each with the clients that used it in the last 30 days (the usage store unreachable: an error). */
  async impact(after: GraphQLSchema): Promise<Impact> {
    const before = this.state.apiSchema;
    const changes = breakingChanges(before, after);
    if (!changes.length) return { breaking: [] };
    const rows = (await this.options.usage?.usage()) ?? [];
    return {
      breaking: changes.map((change) => {
        const byClient = new Map<string, { client: string; requests: number; lastDay: string }>();
        for (const row of rows) {
          if (!breaks(change, row.coordinate, before)) continue;
          const seen = byClient.get(row.client) ?? { client: row.client, requests: 0, lastDay: row.lastDay };
          seen.requests += row.requests;
          if (row.lastDay > seen.lastDay) seen.lastDay = row.lastDay;
          byClient.set(row.client, seen);
        }
        return { ...change, usedBy: [...byClient.values()].sort((a, b) => b.requests - a.requests) };
      }),
    };
  }

  /**
   * What a new core would break (issue #17): the committed core subgraphs'
   * SDL composed with the plugins in the graph, diffed against the API
   * served now, with who used each change. The deployment's gate
   * (`pnpm schema:check`); nothing changes.
   */
  async coreImpact(core: readonly { name: string; sdl: string }[]): Promise<{ ok: true; impact: Impact } | { ok: false; violations: Violation[] }> {
    const known = new Map(this.options.core.map((c) => [c.name, c.url]));
    const candidate = core.map((c) => ({ name: c.name, sdl: c.sdl, url: known.get(c.name) ?? `http://${c.name}.invalid/graphql` }));
    const composed = composeWith([...candidate, ...this.state.plugins.map(asSubgraph)]);
    if (!composed.ok) return { ok: false, violations: composed.violations };
    return { ok: true, impact: await this.impact(composed.apiSchema) };
  }

  /** The admission checks of a plugin (as an update when its slug is in the graph), and what it would break; nothing changes. */
  async checkAny(url: string, ownerPartnerId: string | undefined): Promise<{ admission: Admission; impact?: Impact }> {
    const admission = await this.check(url, ownerPartnerId);
    const slug = admission.ok ? undefined : admission.manifest?.slug;
    const registered = slug ? this.state.plugins.find((p) => p.slug === slug) : undefined;
    if (admission.ok || !registered || admission.violations.some((v) => v.code !== "PLUGIN_SLUG_TAKEN")) return { admission };
    const update = await this.check(url, ownerPartnerId ?? registered.ownerPartnerId, registered.slug);
    return { admission: update, impact: update.ok ? await this.impact(update.candidate.apiSchema) : undefined };
  }

  remove(slug: string, by: Identity): Promise<boolean> {
    return this.serially(() =>
      this.retryingConflicts(async () => {
        if (!this.state.plugins.some((p) => p.slug === slug)) return false;
        const plugins = this.state.plugins.filter((p) => p.slug !== slug);
        const composed = composeWith([...this.options.core, ...plugins.map(asSubgraph)]);
        if (!composed.ok) throw new Error("the remaining plugins no longer compose");
        const { version, generation } = await this.options.registry.remove(slug, { sdl: composed.supergraphSdl, basedOn: this.state.version }, by);
        this.swap({ plugins, generations: { ...this.state.generations, [slug]: generation }, version, supergraphSdl: composed.supergraphSdl, apiSchema: composed.apiSchema });
        this.options.log.info("plugin removed", { plugin: slug, version });
        return true;
      }),
    );
  }

  /** The coordinator hands a plugin to another partner, with a reason (audited in the registry). Its offers go until it publishes them as the new owner's. */
  transfer(slug: string, ownerPartnerId: string, reason: string, by: Identity): Promise<boolean> {
    return this.serially(async () => {
      const existing = this.state.plugins.find((p) => p.slug === slug);
      if (!existing) return false;
      if (!(await this.options.partnerIsActive(ownerPartnerId))) throw new HubError("BAD_USER_INPUT", `ownerPartnerId: partner ${ownerPartnerId} is not an active partner in the register`, { field: "ownerPartnerId" });
      await this.options.registry.transfer(slug, ownerPartnerId, reason, by);
      this.state = { ...this.state, plugins: this.state.plugins.map((p) => (p.slug === slug ? { ...p, ownerPartnerId: ownerPartnerId.toLowerCase() } : p)) };
      this.options.log.info("plugin transferred", { plugin: slug });
      return true;
    });
  }

  private async admitAndStore(url: string, ownerPartnerId: string, by: Identity, updating?: string, approval?: string): Promise<Change> {
    if (!this.loaded && !(await this.load())) {
      return { ok: false, violations: [{ code: "PLUGIN_UNREACHABLE", message: "The plugin registry (the offers catalogue) is not reachable; try again" }] };
    }
    return this.retryingConflicts(async () => {
      const admission = await this.check(url, ownerPartnerId, updating);
      if (!admission.ok) {
        this.options.log.warn("plugin refused", { violations: admission.violations.map((v) => v.code) });
        return { ok: false, violations: admission.violations };
      }
      let impact: Impact | undefined;
      if (updating) {
        try {
          impact = await this.impact(admission.candidate.apiSchema);
        } catch (error) {
          // not knowing who uses what is no licence to break it
          if (!approval) return { ok: false, violations: [violation("SCHEMA_CHANGE_BREAKS_CLIENTS", `The update changes the public API and the schema usage could not be read (${(error as Error).message}); the coordinator may approve it with a reason`)] };
        }
        if (impact?.breaking.some((c) => c.usedBy.length) && !approval) {
          this.options.log.warn("plugin update refused: it breaks what clients use", { plugin: updating, changes: impact.breaking.filter((c) => c.usedBy.length).map((c) => c.coordinate) });
          return { ok: false, violations: [violation("SCHEMA_CHANGE_BREAKS_CLIENTS", describeImpact(impact))], impact };
        }
      }
      const { manifest, sdl } = admission.candidate;
      const plugin: RegisteredPlugin = {
        slug: manifest.slug, name: manifest.name, description: manifest.description ?? null, ownerPartnerId: ownerPartnerId.toLowerCase(), url, contact: manifest.contact, version: manifest.version, sdl,
        generation: this.generationOf(manifest.slug),
      };
      // the registry first: a registration that was not stored is not served
      const approved = approval && impact?.breaking.length ? { reason: approval, changes: impact.breaking.map((c) => c.change) } : undefined;
      const stored = await this.options.registry.put(plugin, admission.candidate.offers, { sdl: admission.candidate.supergraphSdl, basedOn: this.state.version }, by, approved);
      this.swap(this.withPlugin(plugin, admission.candidate, stored.version));
      this.options.log.info(updating ? "plugin updated" : "plugin admitted", { plugin: plugin.slug, offers: stored.offers, version: stored.version });
      return { ok: true, plugin, offers: stored.offers, problems: [...admission.candidate.problems, ...stored.problems], version: stored.version, impact };
    });
  }

  private withPlugin(plugin: RegisteredPlugin, candidate: Candidate, version: number): typeof this.state {
    return { ...this.state, plugins: [...this.state.plugins.filter((p) => p.slug !== plugin.slug), plugin], version, supergraphSdl: candidate.supergraphSdl, apiSchema: candidate.apiSchema };
  }

  /** Another gateway changed the graph first: read the registry again and decide anew, once. */
  private async retryingConflicts<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof RegistryConflict)) throw error;
      this.options.log.info("the registry moved on; reloading before trying again");
      await this.load();
      return work();
    }
  }

  /** Serves `next`; `stored` when this gateway just stored its version: the others are told to read the registry at once rather than at their next poll. */
  private swap(next: typeof this.state, stored = true): void {
    const changed = next.supergraphSdl !== this.state.supergraphSdl;
    const moved = next.version !== this.state.version;
    this.state = next;
    if (changed) this.update?.(next.supergraphSdl);
    if (moved && stored) this.options.follow?.changes?.publish(next.version);
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => {});
    return run;
  }
}
