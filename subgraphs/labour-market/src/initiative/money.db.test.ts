import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityManager } from "@mikro-orm/postgresql";
import { isoDay, migrate, moneyCents, openOrm, runSeedOnce, type OrmHandle } from "@bdp/kit/server";
import { definition } from "../definition.js";
import { AgreementParticipant, Initiative, InitiativeStatus, PartStatus } from "./initiative.entity.js";
import { AgreementAnnex, Expenditure, FundingShare } from "./money.entity.js";
import { FundingApplication, FundingApplicationStatus, FundingCall } from "./funding.entity.js";
import { coverage } from "./lifecycle.js";

/** The demo's money keeps the rules the mutations enforce (issue #15, item 2): the seed is data a partner could have written. */
let db: OrmHandle;
let em: EntityManager;
beforeAll(async () => {
  db = await openOrm({ subgraph: definition.name, entities: definition.entities, migrations: definition.migrations, target: { kind: "pglite-memory" } });
  await migrate(db.orm);
  await runSeedOnce(db.orm.em.fork() as EntityManager, definition.name, definition.seed!);
  em = db.orm.em.fork() as EntityManager;
}, 120_000);
afterAll(async () => {
  await db?.orm.close(true);
});

describe("the seeded initiatives' money", () => {
  it("has initiatives at every stage", async () => {
    const statuses = new Set((await em.find(Initiative, {})).map((i) => i.status));
    expect([...statuses].sort()).toEqual(Object.values(InitiativeStatus).sort());
  });

  it("covers every signed initiative's budget exactly with funding shares and confirmed contributions, and numbers its agreement", async () => {
    const signed = await em.find(Initiative, { status: { $ne: InitiativeStatus.PLANNED } });
    for (const initiative of signed) {
      const [parts, shares] = await Promise.all([em.find(AgreementParticipant, { initiative }), em.find(FundingShare, { initiative })]);
      expect(coverage(initiative.totalBudget, shares.map((s) => s.amount), parts).gap, initiative.title).toBe("0.00");
      // every part was confirmed before signing; one was withdrawn afterwards
      expect(parts.every((p) => [PartStatus.CONFIRMED, PartStatus.WITHDRAWN].includes(p.status) && isoDay(p.confirmedOn!) <= isoDay(initiative.agreementSignedOn!)), initiative.title).toBe(true);
      expect(initiative.agreementNumber).toMatch(/^PW\/\d+\/\d{4}$/);
    }
    expect(await em.count(FundingShare, {})).toBeGreaterThan(signed.length);
  });

  it("records spending only by confirmed parts, from the start, never over the budget", async () => {
    const spending = await em.find(Expenditure, {}, { populate: ["initiative"] });
    expect(spending.length).toBeGreaterThan(100);
    const byInitiative = new Map<string, bigint>();
    for (const e of spending) {
      const part = await em.findOne(AgreementParticipant, { initiative: e.initiative, partnerId: e.partnerId });
      expect(part?.status).toBe(PartStatus.CONFIRMED);
      expect(isoDay(e.spentOn) >= isoDay(e.initiative.startsOn)).toBe(true);
      byInitiative.set(e.initiative.id, (byInitiative.get(e.initiative.id) ?? 0n) + moneyCents(e.amount));
    }
    for (const [id, spent] of byInitiative) {
      const initiative = await em.findOneOrFail(Initiative, id);
      expect(spent <= moneyCents(initiative.totalBudget), initiative.title).toBe(true);
      expect([InitiativeStatus.RUNNING, InitiativeStatus.COMPLETED, InitiativeStatus.CANCELLED]).toContain(initiative.status);
    }
  });

  it("shows every status of a part, and an annex", async () => {
    for (const status of Object.values(PartStatus)) expect(await em.count(AgreementParticipant, { status }), status).toBeGreaterThan(0);
    expect(await em.count(AgreementParticipant, { status: { $in: [PartStatus.DECLINED, PartStatus.WITHDRAWN] }, leftReason: null })).toBe(0);
    const annex = await em.findOneOrFail(AgreementAnnex, { number: 1 }, { populate: ["initiative"] });
    expect(isoDay(annex.newEndsOn!)).toBe(isoDay(annex.initiative.endsOn));
    expect(isoDay(annex.signedOn) >= isoDay(annex.initiative.agreementSignedOn!)).toBe(true);
  });

  it("backs the signed initiatives' main shares with granted applications to calls, never past what a call has; every application status is there", async () => {
    for (const status of Object.values(FundingApplicationStatus)) expect(await em.count(FundingApplication, { status }), status).toBeGreaterThan(0);
    for (const call of await em.find(FundingCall, {})) {
      const grants = await em.find(FundingApplication, { call, status: FundingApplicationStatus.GRANTED });
      expect(grants.reduce((sum, g) => sum + moneyCents(g.granted!), 0n) <= moneyCents(call.available!), call.reference).toBe(true);
      for (const g of grants) {
        expect(moneyCents(g.granted!) <= moneyCents(g.requested)).toBe(true);
        expect(isoDay(g.submittedOn) >= isoDay(call.opensOn) && isoDay(g.submittedOn) <= isoDay(call.closesOn), call.reference).toBe(true);
      }
    }
    expect(await em.count(FundingApplication, { status: FundingApplicationStatus.GRANTED })).toBeGreaterThanOrEqual(5);
  });
});
