import type { EntityManager } from "@mikro-orm/postgresql";
import {
  EFFECTS_PATH, HubError, backgroundSql, checkList, isUuid, signedPostRoute, write,
  type Audited, type OrmHandle, type ResolutionEffectOrder, type ResolutionEffectOutcome, type Route, type SubgraphServices,
} from "@bdp/kit/server";
import { Resolution, ResolutionEffectState } from "./governance.entity.js";

const BATCH = 50;
const RESOLUTION: Audited<Resolution> = { type: "Resolution", audited: ["effectState", "effectNote"], owner: () => null };

/** The outcomes reported, checked one by one (a malformed report is refused whole and sent again). */
function checkOutcomes(value: unknown): ResolutionEffectOutcome[] {
  if (!Array.isArray(value)) throw HubError.badInput("outcomes", "a list");
  return (checkList("outcomes", value as unknown[], BATCH) ?? []).map((o, i) => {
    const outcome = o as Partial<ResolutionEffectOutcome>;
    if (typeof outcome.resolutionId !== "string" || !isUuid(outcome.resolutionId)) throw HubError.badInput(`outcomes[${i}].resolutionId`, "a UUID");
    if (typeof outcome.applied !== "boolean") throw HubError.badInput(`outcomes[${i}].applied`, "true or false");
    if (typeof outcome.note !== "string" || outcome.note.length > 2000) throw HubError.badInput(`outcomes[${i}].note`, "at most 2,000 characters");
    return outcome as ResolutionEffectOutcome;
  });
}

/** Settles what the owning subgraph reported, in one transaction: only effects still pending change. */
async function settle(em: EntityManager, outcomes: readonly ResolutionEffectOutcome[]): Promise<void> {
  if (!outcomes.length) return;
  await write({ em, identity: { kind: "anonymous" } }, async (w) => {
    const pending = await w.tx.find(Resolution, { id: { $in: outcomes.map((o) => o.resolutionId) }, effectState: ResolutionEffectState.PENDING });
    const now = new Date();
    for (const resolution of pending) {
      const outcome = outcomes.find((o) => o.resolutionId === resolution.id)!;
      w.update(resolution, { effectState: outcome.applied ? ResolutionEffectState.APPLIED : ResolutionEffectState.REFUSED, effectNote: outcome.note || null, effectSettledAt: now }, RESOLUTION);
    }
  });
}

const PENDING = `select r.id as "resolutionId", r.effect, r.subject_id as "subjectId", 'Uchwała nr ' || r.number || ' (' || b.name || ')' as reference, r.reasons,
    to_char(m.held_on, 'YYYY-MM-DD') as "decidedOn"
  from resolution r join body b on b.id = r.body_id join meeting m on m.id = r.meeting_id
  where r.effect_state = 'PENDING' order by r.created_at, r.id limit ${BATCH}`;

/** The next adopted effects still pending, oldest first: the owner's poll, counted as background work, not as a request's. */
function pendingOrders(em: EntityManager): Promise<ResolutionEffectOrder[]> {
  return backgroundSql<ResolutionEffectOrder[]>(em, PENDING);
}

/**
 * Where the subgraph that owns an effect's subject takes it (the labour
 * market: an issue put on the agenda, a strategy adopted). It POSTs, signed
 * with the hub's key for the `partners` audience, what it did with the
 * effects it was given last (`outcomes`), and gets the next pending ones
 * (`pending`). The resolution says `effectState` PENDING until its outcome
 * comes, then APPLIED or REFUSED with the owning subgraph's note. The owner
 * keeps what it did by resolution, so an effect handed out twice (a report
 * lost, two replicas asking) is taken once.
 */
export function effectsRoute(db: OrmHandle, service: SubgraphServices): Route {
  return signedPostRoute(service, {
    path: EFFECTS_PATH,
    audience: "partners",
    bodyLimit: 500_000,
    expects: "POST the outcomes",
    refusal: "The register hands resolutions' effects to the hub's subgraphs only",
    parse: (body) => checkOutcomes((body as { outcomes?: unknown } | null)?.outcomes ?? []),
    handle: async (outcomes) => {
      const em = db.orm.em.fork() as EntityManager;
      await settle(em, outcomes);
      return { pending: await pendingOrders(em.fork()) };
    },
  });
}
