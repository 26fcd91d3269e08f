/**
 * Hostile plugins (issue #11): what a partner's plugin could try against the
 * hub, each a scenario that `hostile-plugin.ts` serves as a real subgraph
 * process. The test (`red-team.e2e.test.ts`) starts them, tries to admit
 * them and queries through the gateway; a scenario says only how the plugin
 * behaves, never what the hub should do about it.
 *
 * A scenario's `mode` can be switched while it runs (over IPC): most behave
 * at admission, then turn.
 */
export interface HostileRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** What the plugin sends back: a JSON body, or a raw HTTP answer. */
export type HostileAnswer = { json: unknown } | { status: number; headers: Record<string, string>; body?: string; streamBytes?: number };

export interface Scenario {
  slug: string;
  /** The SDL after the federation link. */
  sdl: string;
  /** Data for the namespaced fields, when the plugin answers honestly. */
  resolvers?: Record<string, Record<string, unknown>>;
  /** Turn a query's honest answer into the hostile one, in a mode. */
  answer?(mode: string, request: HostileRequest, honest: { data?: Record<string, any> | null; errors?: unknown[] }, env: HostileEnv): HostileAnswer | undefined;
  /** The feed in a mode (default: none). */
  feed?(mode: string, env: HostileEnv): HostileAnswer | undefined;
  /** The manifest in a mode (default: honest, owned by OWNER). */
  manifest?(mode: string, env: HostileEnv, honest: Record<string, unknown>): HostileAnswer | undefined;
}

export interface HostileEnv {
  /** The partner the plugin really belongs to. */
  owner: string;
  /** A partner the plugin pretends to be. */
  impostor: string;
  /** An internal URL of the hub a plugin should never get the hub to read (a core subgraph's /metrics). */
  internalUrl: string;
  /** Its own environment, for the scenario that reports it. */
  env: NodeJS.ProcessEnv;
}

export const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@override", "@inaccessible", "@tag"])';

const offerKeyOnly = 'type Offer @key(fields: "id") { id: ID! }';

/** An honest offer in the uniform shape, of this partner. */
export function feedOffer(id: string, partnerId: string, title = "Oferta pracy: magazynier") {
  return { id, kind: "JOB", title, description: null, partnerId, municipalityCode: "2401011", targetGroups: ["UNDER_30"], validFrom: "2026-11-01", validThrough: "2027-06-30", places: 2, howToApply: "CV mailem", occupationCode: null, url: null };
}

const redirect = (env: HostileEnv): HostileAnswer => ({ status: 302, headers: { location: env.internalUrl } });
const mapEntities = (honest: { data?: Record<string, any> | null }, each: (entity: Record<string, unknown>, i: number) => unknown) =>
  ({ json: { data: { ...honest.data, _entities: (honest.data?._entities ?? []).map((e: Record<string, unknown>, i: number) => each(e, i)) } } });

export const SCENARIOS: Record<string, Scenario> = {
  /** Takes core mutations and a core query by renaming its root types and overriding. */
  "evil-root": {
    slug: "evil-root",
    sdl: `schema { query: EvilRootQuery mutation: EvilRootMutation }
      ${offerKeyOnly}
      type EvilRootQuery { offer(id: ID!): Offer @override(from: "offers") evilRootHello: String }
      type EvilRootMutation {
        deleteEnrolment(id: ID!): ID @override(from: "training")
        deleteActivationParticipant(id: ID!): ID @override(from: "disability")
      }`,
  },
  /** Overrides a core field under an alias of @override. */
  "evil-take": {
    slug: "evil-take",
    sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", { name: "@override", as: "@borrow" }])
      ${offerKeyOnly}
      type Query { evilTakeOffer(id: ID!): Offer @borrow(from: "offers") }`,
  },
  /** Declares only its own fields, then answers with everyone's: titles, URLs, partner names, other entities. */
  "evil-inject": {
    slug: "evil-inject",
    sdl: `type Offer @key(fields: "id") { id: ID! evilInject: EvilInjectNote }
      type Partner @key(fields: "id") { id: ID! evilInject: String }
      type EvilInjectNote { note: String }
      type Query { evilInjectHello: String }`,
    resolvers: { Offer: { evilInject: { note: "a note of the plugin's own" } }, Partner: { evilInject: "a partner note" } },
    answer: (mode, _request, honest) =>
      mode === "normal"
        ? undefined
        : mapEntities(honest, (entity, i) => {
            const forged = { ...entity, title: "PRZEJĘTE", url: "http://evil.example/", description: "przejęte", howToApply: "wyślij PESEL na evil.example", name: "Przejęty Partner" };
            // one answered as another type, one as another record
            if (i === 0) return { ...forged, __typename: "Partner" };
            if (i === 1) return { ...forged, id: "00000000-0000-4000-8000-0000000000ee" };
            return forged;
          }),
  },
  /** Redeclares shared value types to hide or narrow what everyone's API has. */
  "evil-hide": {
    slug: "evil-hide",
    sdl: `type PageInfo @shareable { hasNextPage: Boolean! @inaccessible hasPreviousPage: Boolean! startCursor: String endCursor: String }
      enum OfferKind { JOB }
      input OfferFilter { kinds: [OfferKind!] }
      type Query { evilHideOffers(filter: OfferFilter): [String!]! evilHidePage: PageInfo }`,
  },
  /** Claims to be another partner (PUP Będzin) in its manifest and feed. */
  "evil-impostor": {
    slug: "evil-impostor",
    sdl: `type Offer @key(fields: "id") { id: ID! evilImpostor: String }
      type Query { evilImpostorHello: String }`,
    manifest: (_mode, env, honest) => ({ json: { ...honest, ownerPartnerId: env.impostor } }),
    feed: (_mode, env) => ({ json: { offers: [feedOffer("00000000-0000-4000-8000-00000000a001", env.impostor, "Oferta PUP Będzin (podrobiona)")] } }),
  },
  /** Honest at admission; then turns into another partner. */
  "evil-turncoat": {
    slug: "evil-turncoat",
    sdl: `type Offer @key(fields: "id") { id: ID! evilTurncoat: String }
      type Query { evilTurncoatHello: String }`,
    resolvers: { Offer: { evilTurncoat: "details" } },
    manifest: (mode, env, honest) => ({ json: mode === "impostor" ? { ...honest, ownerPartnerId: env.impostor } : honest }),
    feed: (mode, env) => ({ json: { offers: [feedOffer("00000000-0000-4000-8000-00000000a002", mode === "impostor" ? env.impostor : env.owner, "Staż w biurze")] } }),
  },
  /** Honest at admission; then answers the gateway and the catalogue with redirects to the hub's internal endpoints. */
  "evil-redirect": {
    slug: "evil-redirect",
    sdl: `type Offer @key(fields: "id") { id: ID! evilRedirect: String }
      type Query { evilRedirectHello: String }`,
    resolvers: { Offer: { evilRedirect: "details" } },
    answer: (mode, _request, _honest, env) => (mode === "redirect" ? redirect(env) : undefined),
    feed: (mode, env) => (mode === "redirect" ? redirect(env) : { json: { offers: [feedOffer("00000000-0000-4000-8000-00000000a003", env.owner, "Kurs spawacza")] } }),
    manifest: (mode, env) => (mode === "redirect" ? redirect(env) : undefined),
  },
  /** Honest at admission; then answers with 50 MB, or serves a 32 MB feed. */
  "evil-flood": {
    slug: "evil-flood",
    sdl: `type Offer @key(fields: "id") { id: ID! evilFlood: String }
      type Query { evilFloodHello: String }`,
    resolvers: { Offer: { evilFlood: "details" } },
    answer: (mode) => (mode === "flood" ? { status: 200, headers: { "content-type": "application/json" }, streamBytes: 50_000_000 } : undefined),
    feed: (mode, env) =>
      mode === "fat-feed"
        ? { json: { offers: Array.from({ length: 5000 }, (_, i) => ({ ...feedOffer(`00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, env.owner), description: "x".repeat(4990), howToApply: "y".repeat(999) })) } }
        : undefined,
  },
  /** Honest at admission; then answers every query with a hundred errors: made-up codes, others' paths, long messages. */
  "evil-errors": {
    slug: "evil-errors",
    sdl: `type Offer @key(fields: "id") { id: ID! evilErrors: String }
      type Query { evilErrorsHello: String }`,
    resolvers: { Offer: { evilErrors: "details" } },
    answer: (mode, _request, honest) =>
      mode === "errors"
        ? {
            json: {
              data: honest.data,
              errors: Array.from({ length: 100 }, (_, i) => ({
                message: `błąd ${i} `.repeat(2000),
                path: i % 2 ? ["partners", 0, "name"] : ["_entities", 0, "evilErrors"],
                extensions: { code: `MADE_UP_${Date.now()}_${i}`, leak: "x".repeat(1000) },
              })),
            },
          }
        : undefined,
  },
  /** Squats in another plugin's namespace (the template's): `template-extra` names `templateExtra…`. */
  "template-extra": {
    slug: "template-extra",
    sdl: `type Offer @key(fields: "id") { id: ID! templateExtra: String }
      type Query { templateExtraHello: String }`,
  },
  /** Not hostile: a plugin's first version, then its next one that drops a field (the schema-change test, issue #17). */
  "evolving-v1": {
    slug: "evolving",
    sdl: `type Offer @key(fields: "id") { id: ID! evolvingSalary: String evolvingContract: String }
      type Query { evolvingHello: String evolvingBoard(kind: String): [String!]! }`,
    resolvers: { Query: { evolvingHello: "hello", evolvingBoard: ["a"] } },
  },
  "evolving-v2": {
    slug: "evolving",
    sdl: `type Offer @key(fields: "id") { id: ID! evolvingContract: String }
      type Query { evolvingHello: String evolvingBoard: [String!]! }`,
    resolvers: { Query: { evolvingHello: "hello", evolvingBoard: ["a"] } },
  },
  /** Keeps what the gateway sends it, to replay it elsewhere. */
  "evil-replay": {
    slug: "evil-replay",
    sdl: `type Offer @key(fields: "id") { id: ID! evilReplay: String }
      type Query { evilReplayHello: String }`,
    resolvers: { Offer: { evilReplay: "details" }, Query: { evilReplayHello: "hello" } },
  },
  /** Reports the environment it was started with. */
  "evil-env": {
    slug: "evil-env",
    sdl: `type Query { evilEnvHello: String }`,
    manifest: (_mode, env, honest) => ({ json: { ...honest, description: JSON.stringify(env.env) } }),
  },
  /** Returns a hundred thousand items for a list no client can page. */
  "evil-list": {
    slug: "evil-list",
    sdl: `type Offer @key(fields: "id") { id: ID! evilList: [EvilListItem!]! }
      type EvilListItem { n: Int! a: String b: String }
      type Query { evilListItems: [EvilListItem!]! }`,
    answer: (mode, request) =>
      mode === "normal" && request.query.includes("evilListItems")
        ? { json: { data: { evilListItems: Array.from({ length: 100_000 }, (_, n) => ({ n })) } } }
        : undefined,
    resolvers: { Offer: { evilList: [{ n: 1 }] } },
  },
  /** Keys a core entity by a field that is not its key, so as to answer that field (key fields are shareable). */
  "evil-key": {
    slug: "evil-key",
    sdl: `type Partner @key(fields: "name") { name: String! evilKeyScore: Int }
      type Query { evilKeyHello: String }`,
  },
};
