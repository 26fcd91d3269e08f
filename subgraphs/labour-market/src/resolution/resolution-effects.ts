import type { EntityManager } from "@mikro-orm/postgresql";
import {
  AuditAction, EFFECTS_PATH, HubError, Rounds, postSigned, write,
  type Audited, type Identity, type Logger, type ResolutionEffectOrder, type ResolutionEffectOutcome, type Writer,
} from "@bdp/kit/server";
import { IssueStatus, LabourMarketIssue } from "../issue/issue.entity.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { AppliedResolution } from "./applied-resolution.entity.js";

const ISSUE: Audited<LabourMarketIssue> = { type: "LabourMarketIssue", audited: ["status", "acceptedBy"], owner: (i) => i.raisedById };
const STRATEGY: Audited<Strategy> = { type: "Strategy", audited: ["partnershipAdoption", "partnershipAdoptedOn"], owner: (s) => s.adoptedById };
/** Where an issue may be put on the agenda from. */
const ACCEPTABLE = new Set([IssueStatus.PROPOSED, IssueStatus.DROPPED]);

/** Takes one effect on the record it names; a HubError says why it cannot, and nothing is written. */
async function take(w: Writer, order: ResolutionEffectOrder): Promise<string> {
  const reason = `${order.reference}: ${order.reasons}`.slice(0, 2000);
  switch (order.effect) {
    case "PUT_ISSUE_ON_AGENDA": {
      const issue = await w.load(LabourMarketIssue, order.subjectId, { type: ISSUE.type, lock: true });
      if (!ACCEPTABLE.has(issue.status)) throw new HubError("CONFLICT", `the issue is ${issue.status}: only a proposed or dropped issue is put on the agenda`);
      w.update(issue, { status: IssueStatus.ACCEPTED, acceptedBy: order.reference.slice(0, 300) }, { ...ISSUE, action: AuditAction.DECIDE, reason });
      return `issue ACCEPTED: ${issue.title}`.slice(0, 2000);
    }
    case "ADOPT_STRATEGY": {
      const strategy = await w.load(Strategy, order.subjectId, { type: STRATEGY.type, lock: true });
      if (strategy.partnershipAdoption) throw new HubError("CONFLICT", `the partnership adopted it already (${strategy.partnershipAdoption})`);
      w.update(strategy, { partnershipAdoption: order.reference.slice(0, 300), partnershipAdoptedOn: order.decidedOn }, { ...STRATEGY, action: AuditAction.DECIDE, reason });
      return `strategy adopted by the partnership: ${strategy.title}`.slice(0, 2000);
    }
    default:
      throw new HubError("BAD_USER_INPUT", `the labour market takes no ${order.effect}`);
  }
}

/**
 * Takes one effect, once: in one transaction the change, its audit entry
 * (a decision, with the resolution as its reason) and the record of what was
 * done. An effect already taken is answered as it was; one that cannot be
 * taken is recorded as refused, with the reason, and changes nothing.
 */
export async function applyResolutionEffect(em: EntityManager, order: ResolutionEffectOrder): Promise<ResolutionEffectOutcome> {
  const done = await em.fork().findOne(AppliedResolution, { resolutionId: order.resolutionId });
  if (done) return { resolutionId: done.resolutionId, applied: done.applied, note: done.note };
  // the body's decision, recorded by the hub on its behalf
  const identity: Identity = { kind: "coordinator", userId: `resolution:${order.resolutionId}` };
  const record = (w: Writer, applied: boolean, note: string) => {
    w.tx.persist(w.tx.create(AppliedResolution, { resolutionId: order.resolutionId, effect: order.effect, subjectId: order.subjectId, applied, note }));
    return { resolutionId: order.resolutionId, applied, note };
  };
  try {
    return await write({ em: em.fork(), identity }, async (w) => record(w, true, await take(w, order)));
  } catch (error) {
    if (!(error instanceof HubError)) throw error;
    // another replica took it meanwhile: its record stands
    const raced = await em.fork().findOne(AppliedResolution, { resolutionId: order.resolutionId });
    if (raced) return { resolutionId: raced.resolutionId, applied: raced.applied, note: raced.note };
    return write({ em: em.fork(), identity }, async (w) => record(w, false, error.message.slice(0, 2000)));
  }
}

/**
 * The labour market's part of the partnership's decisions (issue #15, item
 * 1): every `everyMs` (EFFECTS_POLL_MS, default 2 s) it tells the register
 * what it did with the effects it was given last and takes the next ones
 * (an issue put on the agenda, a strategy adopted). A register that does not
 * answer is asked again at the next round; outcomes not reported are found
 * again in `applied_resolution` when the register hands the effect out again.
 */
export class ResolutionEffects {
  private readonly rounds: Rounds;
  private unreported: ResolutionEffectOutcome[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly registerUrl: string,
    private readonly signingKey: string,
    private readonly log: Logger,
    everyMs = 2_000,
  ) {
    this.rounds = new Rounds(() => this.round(), { everyMs, log, failure: "could not take the resolutions' effects from the register; the next round will" });
  }

  start(): this {
    this.rounds.start();
    return this;
  }

  stop(): Promise<void> {
    return this.rounds.stop();
  }

  /** Reports the last outcomes and takes the next effects; true while there were some. */
  async round(): Promise<boolean> {
    const { pending } = await postSigned<{ pending: ResolutionEffectOrder[] }>(new URL(EFFECTS_PATH, this.registerUrl), "partners", this.signingKey, { outcomes: this.unreported });
    this.unreported = [];
    if (!pending.length) return false;
    for (const order of pending) this.unreported.push(await applyResolutionEffect(this.em, order));
    this.log.info("resolutions' effects taken", { applied: this.unreported.filter((o) => o.applied).length, refused: this.unreported.filter((o) => !o.applied).length });
    return true;
  }
}
