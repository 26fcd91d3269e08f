import { HubError, encodeIdentity, pathOf, signRequest, type Identity } from "@bdp/kit/server";
import { type OfferFeedItem, type RegisteredPlugin } from "@bdp/kit/plugin";
import type { DocumentStore, RegistrationResult, StoredDocument } from "../documents/trusted-documents.js";
import type { UsageRow, UsageStore } from "../usage/usage.js";

/**
 * Where the plugin supergraph manager keeps what it decided (issue #11): the
 * registrations, each slug's key generation, and every version of the
 * composed supergraph. It is the one source of truth: a gateway holds a
 * copy it can rebuild from here at any time.
 */
export interface StoredSupergraph {
  version: number;
  sdl: string;
}

export interface RegistryState {
  plugins: RegisteredPlugin[];
  /** slug → how many times it was freed; a slug never used is at 0. */
  generations: Record<string, number>;
  supergraph: StoredSupergraph | null;
}

/** A change is based on the supergraph version the gateway last read; the registry refuses it when another one moved on (`RegistryConflict`). */
export interface SupergraphChange {
  sdl: string;
  basedOn: number;
}

export interface PluginRegistry {
  read(): Promise<RegistryState>;
  /** Admits or updates a plugin with its validated offers and the supergraph that includes it; an update that breaks clients carries the coordinator's approval (audited). */
  put(plugin: RegisteredPlugin, offers: readonly OfferFeedItem[], supergraph: SupergraphChange, by: Identity, approval?: BreakingApproval): Promise<{ version: number; offers: number; problems: string[] }>;
  remove(slug: string, supergraph: SupergraphChange, by: Identity): Promise<{ version: number; generation: number }>;
  /** The coordinator's transfer of a plugin to another partner, with the reason, audited. */
  transfer(slug: string, ownerPartnerId: string, reason: string, by: Identity): Promise<void>;
  /** A new supergraph with the same plugins (the core changed, or a plugin was left out at start). */
  recompose(supergraph: SupergraphChange, change: string, by: Identity): Promise<{ version: number }>;
}

/** The coordinator's approval of an update that breaks what clients used: the reason, and the changes approved. */
export interface BreakingApproval {
  reason: string;
  changes: string[];
}

/** Another gateway changed the supergraph first: read the registry again and retry. */
export class RegistryConflict extends Error {
  override name = "RegistryConflict";
}

/**
 * The registry in the offers catalogue's database, over its internal API:
 * each request signed with the hub's key for the `offers` audience, on
 * behalf of the coordinator who made the change. The trusted documents
 * and the schema usage (issue #17) are kept there too.
 */
export class CatalogueRegistry implements PluginRegistry, DocumentStore, UsageStore {
  constructor(
    private readonly baseUrl: string,
    private readonly signingKey: string,
    private readonly timeoutMs = 15_000,
  ) {}

  async read(): Promise<RegistryState> {
    return (await this.call("GET", "/internal/plugins", undefined, { kind: "anonymous" })) as RegistryState;
  }

  async put(plugin: RegisteredPlugin, offers: readonly OfferFeedItem[], supergraph: SupergraphChange, by: Identity, approval?: BreakingApproval) {
    return (await this.call("PUT", `/internal/plugins/${plugin.slug}`, { plugin, offers, supergraph, approval }, by)) as { version: number; offers: number; problems: string[] };
  }

  async remove(slug: string, supergraph: SupergraphChange, by: Identity) {
    return (await this.call("DELETE", `/internal/plugins/${slug}`, { supergraph }, by)) as { version: number; generation: number };
  }

  async transfer(slug: string, ownerPartnerId: string, reason: string, by: Identity): Promise<void> {
    await this.call("POST", `/internal/plugins/${slug}/owner`, { ownerPartnerId, reason }, by);
  }

  async recompose(supergraph: SupergraphChange, change: string, by: Identity) {
    return (await this.call("PUT", "/internal/supergraph", { ...supergraph, change }, by)) as { version: number };
  }

  async documents(): Promise<StoredDocument[]> {
    return ((await this.call("GET", "/internal/documents", undefined, { kind: "anonymous" })) as { documents: StoredDocument[] }).documents;
  }

  async registerDocuments(client: string, documents: Record<string, string>, by: Identity): Promise<RegistrationResult> {
    return (await this.call("PUT", `/internal/documents/${encodeURIComponent(client)}`, { documents }, by)) as RegistrationResult;
  }

  async recordUsage(counts: { day: string; client: string; coordinate: string; requests: number }[], by: Identity): Promise<void> {
    await this.call("POST", "/internal/usage", { counts }, by);
  }

  /** Keeps the coordinator's approval of a core change that breaks clients (audited). */
  async approveSchemaChange(reason: string, changes: string[], by: Identity): Promise<{ id: string }> {
    return (await this.call("POST", "/internal/schema-approvals", { reason, changes }, by)) as { id: string };
  }

  async usage(): Promise<UsageRow[]> {
    return ((await this.call("GET", "/internal/usage", undefined, { kind: "anonymous" })) as { usage: UsageRow[] }).usage;
  }

  private async call(method: string, path: string, payload: unknown, identity: Identity): Promise<unknown> {
    const url = `${this.baseUrl}${path}`;
    const body = payload === undefined ? "" : JSON.stringify(payload);
    const response = await fetch(url, {
      method,
      headers: { "content-type": "application/json", ...signRequest(this.signingKey, encodeIdentity(identity), { method, path: pathOf(url), audience: "offers", body }) },
      body: body || undefined,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const answer = (await response.json().catch(() => ({}))) as { errors?: { message: string; extensions?: { code?: string } }[] };
    if (response.status === 409) throw new RegistryConflict(answer.errors?.[0]?.message ?? "conflict");
    if (!response.ok) {
      const code = answer.errors?.[0]?.extensions?.code;
      if (code === "BAD_USER_INPUT" || code === "NOT_FOUND") throw new HubError(code, answer.errors![0]!.message);
      throw new Error(`registry ${method} ${path}: HTTP ${response.status}`);
    }
    return answer;
  }
}
