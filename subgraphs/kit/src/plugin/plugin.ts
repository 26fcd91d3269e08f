import "reflect-metadata";
import { createHmac } from "node:crypto";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { sendJson, type Route } from "../http.js";
import { parseTeryt } from "../territory/teryt.js";
import { ContractType, OfferKind, SalaryPeriod, TargetGroup, WorkingTime } from "../vocabulary.js";

/**
 * What every plugin subgraph shares with the hub (issue #4; the plugin guide
 * is plugins/README.md). A plugin is a subgraph built on the kit that:
 * - describes itself in a manifest, served at `GET /hub/manifest`;
 * - publishes its offers in the hub's uniform shape at `GET /hub/offers`,
 *   which the offers catalogue reads and lists with everyone else's;
 * - adds its own typed details to its offers under its namespace: a field
 *   `Offer.<namespace>` of type `<Namespace>…`, resolved by offer id;
 * - keeps every other type and root field it declares under its namespace.
 */
export interface PluginManifest {
  /** kebab-case, unique in the hub: the subgraph's name. */
  slug: string;
  name: string;
  /** The partner (register id) that owns the plugin and every offer it publishes. */
  ownerPartnerId: string;
  /** Where the plugin's GraphQL endpoint is. */
  url: string;
  /** Who to call about it: an email address. */
  contact: string;
  version: string;
  description?: string;
}

/** A plugin as the hub's registry keeps it (the offers catalogue stores it; the gateway composes from it). */
export interface RegisteredPlugin {
  slug: string;
  name: string;
  description?: string | null;
  /** Pinned at registration: an update cannot change it, only the coordinator's transfer. */
  ownerPartnerId: string;
  url: string;
  contact: string;
  version: string;
  sdl: string;
  /** The slug's generation its signing key is derived with. */
  generation: number;
}

export const SLUG_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A plugin's namespace: `pup-bedzin-jobs` → fields `pupBedzinJobs…`, types `PupBedzinJobs…`. */
export function namespaceOf(slug: string): { field: string; type: string } {
  const parts = slug.split("-");
  const type = parts.map((p) => p[0]!.toUpperCase() + p.slice(1)).join("");
  return { field: type[0]!.toLowerCase() + type.slice(1), type };
}

/**
 * The key a plugin's requests are signed with: derived from the hub's, so a
 * plugin never holds the key core subgraphs trust; and from the slug's
 * generation (raised each time a plugin of that slug is removed), so a
 * removed plugin's key signs nothing a later plugin of the same slug accepts.
 */
export function pluginSigningKey(hubKey: string, slug: string, generation = 0): string {
  return createHmac("sha256", hubKey).update(`plugin:${slug}:${generation}`).digest("base64url");
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export function parseManifest(input: unknown): Checked<PluginManifest> {
  const m = (input ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const text = (key: string, max: number) => {
    const v = m[key];
    if (typeof v !== "string" || v.trim().length === 0 || v.length > max) problems.push(`${key}: a text of 1 to ${max} characters`);
    return typeof v === "string" ? v.trim() : "";
  };
  const slug = text("slug", 40);
  if (slug && !SLUG_PATTERN.test(slug)) problems.push("slug: lowercase letters, digits and single hyphens, starting with a letter");
  const name = text("name", 200);
  const ownerPartnerId = text("ownerPartnerId", 36);
  if (ownerPartnerId && !UUID.test(ownerPartnerId)) problems.push("ownerPartnerId: a partner id (UUID)");
  const url = text("url", 500);
  if (url && !/^https?:\/\//.test(url)) problems.push("url: an http(s) URL");
  const contact = text("contact", 200);
  if (contact && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contact)) problems.push("contact: an email address");
  const version = text("version", 40);
  const description = typeof m.description === "string" ? m.description.slice(0, 1000) : undefined;
  return problems.length ? { ok: false, problems } : { ok: true, value: { slug, name, ownerPartnerId, url, contact, version, description } };
}

/** One offer in a plugin's feed: the uniform shape every offer in the hub has (field names after schema.org). */
export interface OfferFeedItem {
  id: string;
  kind: OfferKind;
  title: string;
  description: string | null;
  /** The partner offering it: must be the plugin's owner. */
  partnerId: string;
  /** TERYT code of the gmina (or county) where it takes place. */
  municipalityCode: string;
  targetGroups: TargetGroup[];
  validFrom: string;
  validThrough: string | null;
  /** Places or positions offered, when counted. */
  places: number | null;
  howToApply: string;
  /** KZiS occupation code (6 digits). */
  occupationCode: string | null;
  url: string | null;
  /** The pay offered, gross (brutto): pay transparency applies from 24 December 2025 (issue #16). */
  salary: OfferSalary | null;
  contractType: ContractType | null;
  workingTime: WorkingTime | null;
  /** What a candidate needs (qualifications, experience, documents), at most 2,000 characters. */
  requirements: string | null;
  /** How accessible the place and the work are to persons with disabilities, at most 1,000 characters. */
  accessibility: string | null;
}

/** A salary range: at least one bound, as exact decimal strings ("5200.00"), in a currency, for a period. */
export interface OfferSalary {
  min: string | null;
  max: string | null;
  /** ISO 4217, e.g. PLN. */
  currency: string;
  period: SalaryPeriod;
}

const MONEY = /^\d{1,8}(\.\d{1,2})?$/;

/** A feed's salary: null when absent; a reason when malformed. */
function parseSalary(raw: unknown): { ok: true; salary: OfferSalary | null } | { ok: false } {
  if (raw == null) return { ok: true, salary: null };
  const s = raw as Record<string, unknown>;
  const bound = (v: unknown) => (v == null ? null : typeof v === "string" && MONEY.test(v) ? v : undefined);
  const [min, max] = [bound(s.min), bound(s.max)];
  if (min === undefined || max === undefined || (min === null && max === null)) return { ok: false };
  if (min !== null && max !== null && Number(min) > Number(max)) return { ok: false };
  if (typeof s.currency !== "string" || !/^[A-Z]{3}$/.test(s.currency)) return { ok: false };
  if (typeof s.period !== "string" || !(Object.values(SalaryPeriod) as string[]).includes(s.period)) return { ok: false };
  return { ok: true, salary: { min, max, currency: s.currency, period: s.period as SalaryPeriod } };
}

export const FEED_LIMIT = 5000;

/** A `date` column as `YYYY-MM-DD`: the pg driver gives a Date at local midnight, PGlite may give the text. */
export function isoDay(value: string | Date): string;
export function isoDay(value: string | Date | null): string | null;
export function isoDay(value: string | Date | null): string | null {
  if (value == null) return null;
  if (!(value instanceof Date)) return String(value).slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/**
 * Checks a feed: each offer in the uniform shape, and the plugin's owner as
 * every offer's partner (any partner's id for a core subgraph's feed, which
 * the hub trusts: `ownerPartnerId` null). Returns the good offers and a
 * problem per bad one.
 */
export function parseOfferFeed(input: unknown, ownerPartnerId: string | null): { offers: OfferFeedItem[]; problems: string[]; foreign: number } {
  const items = (input as { offers?: unknown })?.offers;
  if (!Array.isArray(items)) return { offers: [], problems: ["the feed is not { offers: [...] }"], foreign: 0 };
  if (items.length > FEED_LIMIT) return { offers: [], problems: [`the feed has ${items.length} offers, over the limit of ${FEED_LIMIT}`], foreign: 0 };
  const offers: OfferFeedItem[] = [];
  const problems: string[] = [];
  let foreign = 0;
  const kinds = new Set<string>(Object.values(OfferKind));
  const groups = new Set<string>(Object.values(TargetGroup));
  const ids = new Set<string>();
  items.forEach((raw: Record<string, unknown>, i) => {
    // the offer's position only: nothing the plugin wrote is repeated back
    const bad = (why: string) => problems.push(`offer ${i}: ${why}`);
    if (!raw || typeof raw !== "object") return bad("not an object");
    if (typeof raw.id !== "string" || !UUID.test(raw.id) || ids.has(raw.id)) return bad("id must be a UUID, unique in the feed");
    if (typeof raw.kind !== "string" || !kinds.has(raw.kind)) return bad(`kind must be one of ${[...kinds].join(", ")}`);
    if (typeof raw.title !== "string" || raw.title.trim().length < 3 || raw.title.length > 300) return bad("title: 3 to 300 characters");
    if (raw.description != null && (typeof raw.description !== "string" || raw.description.length > 5000)) return bad("description: at most 5,000 characters");
    if (ownerPartnerId === null ? typeof raw.partnerId !== "string" || !UUID.test(raw.partnerId) : raw.partnerId !== ownerPartnerId) {
      foreign++;
      return bad("partnerId is not the plugin's owner: a plugin publishes only its own partner's offers");
    }
    if (typeof raw.municipalityCode !== "string" || !parseTeryt(raw.municipalityCode).ok) return bad("municipalityCode: a TERYT code of the territory");
    if (!Array.isArray(raw.targetGroups) || raw.targetGroups.some((g) => !groups.has(g as string))) return bad("targetGroups: target group values");
    if (typeof raw.validFrom !== "string" || !DATE.test(raw.validFrom)) return bad("validFrom: YYYY-MM-DD");
    if (raw.validThrough != null && (typeof raw.validThrough !== "string" || !DATE.test(raw.validThrough) || raw.validThrough < raw.validFrom)) return bad("validThrough: YYYY-MM-DD, not before validFrom");
    if (raw.places != null && (!Number.isInteger(raw.places) || (raw.places as number) < 0 || (raw.places as number) > 100_000)) return bad("places: a whole number from 0");
    if (typeof raw.howToApply !== "string" || raw.howToApply.trim().length < 3 || raw.howToApply.length > 1000) return bad("howToApply: 3 to 1,000 characters");
    if (raw.occupationCode != null && (typeof raw.occupationCode !== "string" || !/^\d{6}$/.test(raw.occupationCode))) return bad("occupationCode: 6 digits (KZiS)");
    if (raw.url != null && (typeof raw.url !== "string" || !/^https?:\/\//.test(raw.url) || raw.url.length > 500)) return bad("url: an http(s) URL");
    const salary = parseSalary(raw.salary);
    if (!salary.ok) return bad('salary: { min, max } as decimal strings ("5200.00", at least one, min ≤ max), currency (ISO 4217), period (HOUR, MONTH, YEAR)');
    if (raw.contractType != null && !(Object.values(ContractType) as unknown[]).includes(raw.contractType)) return bad(`contractType: one of ${Object.values(ContractType).join(", ")}`);
    if (raw.workingTime != null && !(Object.values(WorkingTime) as unknown[]).includes(raw.workingTime)) return bad(`workingTime: one of ${Object.values(WorkingTime).join(", ")}`);
    if (raw.requirements != null && (typeof raw.requirements !== "string" || raw.requirements.length > 2000)) return bad("requirements: at most 2,000 characters");
    if (raw.accessibility != null && (typeof raw.accessibility !== "string" || raw.accessibility.length > 1000)) return bad("accessibility: at most 1,000 characters");
    ids.add(raw.id);
    offers.push({
      id: raw.id.toLowerCase(),
      kind: raw.kind as OfferKind,
      title: raw.title.trim(),
      description: (raw.description as string | null) ?? null,
      partnerId: raw.partnerId as string,
      municipalityCode: raw.municipalityCode,
      targetGroups: raw.targetGroups as TargetGroup[],
      validFrom: raw.validFrom,
      validThrough: (raw.validThrough as string | null) ?? null,
      places: (raw.places as number | null) ?? null,
      howToApply: raw.howToApply.trim(),
      occupationCode: (raw.occupationCode as string | null) ?? null,
      url: (raw.url as string | null) ?? null,
      salary: salary.salary,
      contractType: (raw.contractType as ContractType | null) ?? null,
      workingTime: (raw.workingTime as WorkingTime | null) ?? null,
      requirements: (raw.requirements as string | null) ?? null,
      accessibility: (raw.accessibility as string | null) ?? null,
    });
  });
  return { offers, problems, foreign };
}

/** The routes every plugin serves next to its GraphQL endpoint: its manifest and its offer feed. */
export function pluginRoutes(manifest: () => PluginManifest, feed: () => Promise<OfferFeedItem[]>): Route[] {
  return [
    async (req, res, url) => {
      if (req.method !== "GET") return false;
      if (url.pathname === "/hub/manifest") {
        sendJson(res, 200, manifest());
        return true;
      }
      if (url.pathname === "/hub/offers") {
        sendJson(res, 200, { offers: await feed() });
        return true;
      }
      return false;
    },
  ];
}

/**
 * The hub's `Offer` entity as a plugin sees it: only its key. A plugin adds
 * its namespaced details field to it with a field resolver. One class per
 * plugin (type-graphql keeps field resolvers per class).
 */
export function offerReferenceType() {
  @Directive('@key(fields: "id")')
  @ObjectType("Offer", { description: "An offer published by a partner through a plugin: a job, traineeship, training place, service, event or volunteering." })
  class OfferRef {
    @Field(() => ID, { description: "Stable identifier (UUID), given by the publishing plugin." })
    id!: string;
  }
  return OfferRef;
}
