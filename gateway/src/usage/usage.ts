import type { ApolloServerPlugin } from "@apollo/server";
import {
  TypeInfo, getNamedType, isEnumType, isInputObjectType, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema,
} from "graphql";
import { today, type Identity, type Logger } from "@bdp/kit/server";
import type { GatewayContext } from "../context.js";

/**
 * Schema usage (issue #17): which schema coordinates the operations clients
 * send use — `Type.field`, `Type.field(arg:)`, `Enum.VALUE` and
 * `Input.field` written in the document — per client and per day, counted
 * in memory and sent to the store (the catalogue) every 30 s. A schema
 * change that would break a coordinate used in the last 30 days needs the
 * coordinator's approval (plugins/supergraph-manager.ts).
 */
export interface UsageRow {
  coordinate: string;
  client: string;
  requests: number;
  lastDay: string;
}

export interface UsageStore {
  recordUsage(counts: { day: string; client: string; coordinate: string; requests: number }[], by: Identity): Promise<void>;
  usage(): Promise<UsageRow[]>;
}

/** The coordinates a document uses (introspection left out), in the schema it ran against. */
export function coordinatesOf(schema: GraphQLSchema, document: DocumentNode): string[] {
  const used = new Set<string>();
  const info = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(info, {
      Field(node) {
        const parent = info.getParentType();
        if (parent && !node.name.value.startsWith("__") && !parent.name.startsWith("__")) used.add(`${parent.name}.${node.name.value}`);
      },
      Argument(node) {
        const parent = info.getParentType();
        const field = info.getFieldDef();
        if (parent && field && !parent.name.startsWith("__")) used.add(`${parent.name}.${field.name}(${node.name.value}:)`);
      },
      EnumValue(node) {
        const type = getNamedType(info.getInputType());
        if (type && isEnumType(type)) used.add(`${type.name}.${node.value}`);
      },
      ObjectField(node) {
        const type = getNamedType(info.getParentInputType());
        if (type && isInputObjectType(type)) used.add(`${type.name}.${node.name.value}`);
      },
    }),
  );
  return [...used];
}

const CLIENT = /^[a-z0-9][a-z0-9._-]{0,59}$/;
/** At most this many clients a day are told apart; the rest count as `other`. */
const MAX_CLIENTS_PER_DAY = 200;

export class UsageRecorder {
  /** day → client → coordinate → requests, not yet sent. */
  private pending = new Map<string, Map<string, Map<string, number>>>();
  private readonly clientsByDay = new Map<string, Set<string>>();
  /** Coordinates per document, by Apollo's query hash (the same documents come again and again). */
  private readonly cache = new Map<string, string[]>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: UsageStore,
    private readonly deps: { log: Logger; clientOfDocument: (documentId: string) => string | undefined; flushMs?: number },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.deps.flushMs ?? 30_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Which client sent a request: its `apollographql-client-name`, else the trusted document's client, else `unknown`. */
  clientOf(header: string | undefined, queryHash: string | undefined): string {
    const named = header?.trim().toLowerCase();
    if (named && CLIENT.test(named)) return named;
    return (queryHash && this.deps.clientOfDocument(`sha256:${queryHash}`)) || "unknown";
  }

  /** One request of a client that used these coordinates. */
  record(client: string, coordinates: readonly string[]): void {
    for (const c of coordinates) this.add(today(), client, c, 1);
  }

  private add(day: string, client: string, coordinate: string, requests: number): void {
    const clients = this.clientsByDay.get(day) ?? new Set<string>();
    this.clientsByDay.set(day, clients);
    if (!clients.has(client)) {
      if (clients.size >= MAX_CLIENTS_PER_DAY) client = "other";
      clients.add(client);
    }
    const byClient = this.pending.get(day) ?? new Map<string, Map<string, number>>();
    this.pending.set(day, byClient);
    const counts = byClient.get(client) ?? new Map<string, number>();
    byClient.set(client, counts);
    counts.set(coordinate, (counts.get(coordinate) ?? 0) + requests);
  }

  /** Sends what was counted; kept for the next try when the store is away. */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    for (const day of this.clientsByDay.keys()) if (day < today()) this.clientsByDay.delete(day);
    const counts = [...batch].flatMap(([day, byClient]) => [...byClient].flatMap(([client, coords]) => [...coords].map(([coordinate, requests]) => ({ day, client, coordinate, requests }))));
    try {
      for (let i = 0; i < counts.length; i += 10_000) await this.store.recordUsage(counts.slice(i, i + 10_000), { kind: "coordinator", userId: "gateway" });
    } catch (error) {
      this.deps.log.warn("schema usage not recorded; kept for the next try", { error: String(error) });
      for (const c of counts) this.add(c.day, c.client, c.coordinate, c.requests);
    }
  }

  /** The Apollo Server plugin: the coordinates of every operation that passed validation. */
  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ document, schema, queryHash, request }) => {
          let coordinates = this.cache.get(queryHash);
          if (!coordinates) {
            coordinates = coordinatesOf(schema, document);
            if (this.cache.size >= 5_000) this.cache.clear();
            this.cache.set(queryHash, coordinates);
          }
          this.record(this.clientOf(request.http?.headers.get("apollographql-client-name"), queryHash), coordinates);
        },
      }),
    };
  }
}
