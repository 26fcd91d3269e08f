import type { EntityManager } from "@mikro-orm/postgresql";
import { centsToMoney, moneyCents, stableId } from "@bdp/kit/server";
import { FundingSource } from "@bdp/kit/domain";
import { DEMO_PARTNERS, DEMO_TODAY, Random, addDays } from "@bdp/kit/demo";
import { AgreementParticipant, Initiative, InitiativeStatus, ParticipantRole, PartStatus } from "./initiative.entity.js";
import { AgreementAnnex, Expenditure, FundingShare } from "./money.entity.js";
import { FundingApplication, FundingApplicationStatus, FundingCall } from "./funding.entity.js";
import { coverage } from "./lifecycle.js";

/**
 * The demo's money (issue #15, item 2), from a random stream of its own so the
 * rest of the seed stays as it was: every signed initiative covered exactly by
 * its funding shares and the confirmed contributions, with its agreement's
 * number and date; spending month by month while it ran; an annex; a part
 * declined in the planned one; one initiative AGREED, about to start; and
 * the calls for funding behind the main shares, with their applications.
 */

const PROGRAMMES: Record<FundingSource, [string, string | null]> = {
  [FundingSource.ESF_PLUS]: ["Fundusze Europejskie dla Śląskiego 2021–2027, priorytet VII", "FESL.07.03-IP.02-"],
  [FundingSource.LABOUR_FUND]: ["Fundusz Pracy – limit starosty na aktywizację bezrobotnych", null],
  [FundingSource.KFS]: ["Krajowy Fundusz Szkoleniowy – priorytety ministra", "KFS/PUP/"],
  [FundingSource.PFRON]: ["PFRON – zadania zlecane fundacjom i organizacjom pozarządowym (art. 36 ustawy o rehabilitacji)", "ZZO/"],
  [FundingSource.LOCAL_GOVERNMENT_BUDGET]: ["Budżet Powiatu Będzińskiego – zadania partnerstwa", null],
  [FundingSource.PARTNER_OWN_FUNDS]: ["Środki własne lidera ponad wkład do porozumienia", null],
};
const CO_FINANCING = "Budżet Miasta Dąbrowa Górnicza – wkład do projektu";
const CATEGORIES = ["wynagrodzenia kadry", "szkolenia i kursy", "stypendia stażowe", "promocja i rekrutacja", "wyposażenie stanowisk", "koszty pośrednie"];
const SIGNED = [InitiativeStatus.AGREED, InitiativeStatus.RUNNING, InitiativeStatus.COMPLETED, InitiativeStatus.CANCELLED];

/** Contributions scaled so that the partners bring at most half of the budget (the rest is the funds'), to 50 PLN. */
export function scaledContributions(budget: string, lead: [string, string], others: [string, string][]): [string, string][] {
  const sum = (pairs: [string, string][]) => pairs.reduce((s, [c, k]) => s + moneyCents(c) + moneyCents(k), 0n);
  const room = moneyCents(budget) / 2n - sum([lead]);
  const raw = sum(others);
  if (raw <= room || raw === 0n) return others;
  const scale = (v: string) => centsToMoney(((moneyCents(v) * (room > 0n ? room : 0n)) / raw / 5000n) * 5000n);
  return others.map(([c, k]) => [scale(c), scale(k)]);
}

export function seedMoney(em: EntityManager, initiatives: Initiative[], partsOf: Map<string, AgreementParticipant[]>, count: (table: string) => void): void {
  const rnd = new Random("labour-market-money");
  const mains = new Map<string, FundingShare>();
  let agreementNo = 0;
  let annexed = false;
  for (const initiative of initiatives) {
    const parts = partsOf.get(initiative.id)!;
    for (const part of parts) part.status = part.confirmedOn ? PartStatus.CONFIRMED : PartStatus.PROPOSED;
    if (initiative.status === InitiativeStatus.PLANNED) {
      // one partner said no (its part never counted), another has not answered yet
      const others = parts.filter((p) => p.role !== ParticipantRole.LEAD);
      const declined = others.at(-1);
      if (others.length > 1) Object.assign(others[0]!, { status: PartStatus.PROPOSED, confirmedOn: null, cashContribution: "0.00", inKindContribution: "0.00", inKindDescription: null });
      if (declined) {
        Object.assign(declined, {
          status: PartStatus.DECLINED, confirmedOn: null, cashContribution: "0.00", inKindContribution: "0.00", inKindDescription: null,
          leftOn: addDays(DEMO_TODAY, -rnd.int(3, 20)), leftReason: "Brak kadry do realizacji zadań w okresie projektu.",
        });
      }
      continue;
    }
    if (!SIGNED.includes(initiative.status)) continue;
    const lastConfirmed = parts.map((p) => p.confirmedOn!).sort().at(-1)!;
    initiative.agreementSignedOn = addDays(lastConfirmed, rnd.int(1, 5));
    initiative.agreementNumber = `PW/${++agreementNo}/${initiative.agreementSignedOn.slice(0, 4)}`;
    // the first running initiative lost a partner on the way, and its annex covered the gap with the main fund
    const annex = !annexed && initiative.status === InitiativeStatus.RUNNING;
    const leaving = annex ? parts.filter((p) => p.role !== ParticipantRole.LEAD).at(-1) : undefined;
    const annexOn = addDays(initiative.startsOn, 200) < DEMO_TODAY ? addDays(initiative.startsOn, 200) : addDays(DEMO_TODAY, -5);
    if (leaving) Object.assign(leaving, { status: PartStatus.WITHDRAWN, leftOn: addDays(annexOn, -20), leftReason: "Zmiana profilu działalności; zadania przejmuje lider." });
    const main = shareOut(em, rnd, initiative, parts, count);
    if (main) mains.set(initiative.id, main);
    spend(em, rnd, initiative, parts, count);
    if (annex) {
      annexed = true;
      em.create(AgreementAnnex, {
        id: stableId(`annex:${initiative.id}:1`), initiative, number: 1, signedOn: annexOn,
        summary: `Przedłużenie okresu realizacji o 3 miesiące w związku z późniejszym naborem uczestników${leaving ? "; zadania partnera, który wycofał udział, przejmuje lider, a jego wkład pokrywa dofinansowanie" : ""}.`,
        previousEndsOn: addDays(initiative.endsOn, -91), newEndsOn: initiative.endsOn, previousTotalBudget: null, newTotalBudget: null,
      });
      count("agreement_annex");
    }
  }
  agreedInitiative(em, rnd, initiatives[0]!, count, ++agreementNo);
  seedCalls(em, rnd, initiatives, mains, count);
}

/** Labour offices' and outside funders' calls, recorded by whoever runs them (KFS and the Labour Fund: PUP Będzin) or the lead that applied. */
const RUN_BY_PUP = [FundingSource.KFS, FundingSource.LABOUR_FUND];
const FUNDED = [FundingSource.KFS, FundingSource.LABOUR_FUND, FundingSource.ESF_PLUS, FundingSource.PFRON];

/**
 * The calls behind the signed initiatives' main funding shares, each granted
 * what the share holds before the agreement was signed; and the planned
 * initiative's applications: one rejected, one withdrawn, one waiting.
 */
function seedCalls(em: EntityManager, rnd: Random, initiatives: Initiative[], mains: Map<string, FundingShare>, count: (table: string) => void): void {
  const pup = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;
  const references = new Set<string>();
  const call = (key: string, source: FundingSource, reference: string, opensOn: string, closesOn: string, available: bigint, owner: string) => {
    let unique = reference;
    for (let k = 2; references.has(unique); k++) unique = `${reference}-${k}`;
    references.add(unique);
    count("funding_call");
    return em.create(FundingCall, {
      id: stableId(`call:${key}`), reference: unique, title: `Nabór ${unique}`, source, programme: PROGRAMMES[source][0],
      opensOn, closesOn, available: centsToMoney(available), ownerPartnerId: RUN_BY_PUP.includes(source) ? pup.id : owner,
    });
  };
  for (const initiative of initiatives) {
    if (initiative.status === InitiativeStatus.PLANNED || !FUNDED.includes(initiative.fundingSource) || !initiative.agreementSignedOn) continue;
    const share = mains.get(initiative.id);
    if (!share) continue;
    const closesOn = addDays(initiative.agreementSignedOn, -rnd.int(45, 90));
    const made = call(initiative.id, share.source, share.callReference ?? `${share.source}/${initiative.agreementSignedOn.slice(0, 4)}`, addDays(closesOn, -30), closesOn, moneyCents(share.amount) * 3n, initiative.leadPartnerId);
    em.create(FundingApplication, {
      id: stableId(`funding-application:${initiative.id}`), call: made, initiative, requested: share.amount, submittedOn: addDays(closesOn, -rnd.int(1, 20)),
      status: FundingApplicationStatus.GRANTED, granted: share.amount, decidedOn: addDays(closesOn, rnd.int(10, 30)), decisionReason: "Wniosek oceniony pozytywnie; dofinansowanie w wysokości wnioskowanej.",
    });
    count("funding_application");
  }
  const planned = initiatives.find((i) => i.status === InitiativeStatus.PLANNED)!;
  const steps: [FundingApplicationStatus, number, string | null][] = [
    [FundingApplicationStatus.REJECTED, -200, "Wniosek nie uzyskał minimalnej liczby punktów w ocenie merytorycznej."],
    [FundingApplicationStatus.WITHDRAWN, -90, "Wycofany: zmiana harmonogramu projektu."],
    [FundingApplicationStatus.SUBMITTED, -10, null],
  ];
  steps.forEach(([status, days, why], k) => {
    const opensOn = addDays(DEMO_TODAY, days - 20);
    const made = call(`planned:${k}`, planned.fundingSource, `${PROGRAMMES[planned.fundingSource][1] ?? "NAB/"}${String(50 + k).padStart(3, "0")}/${opensOn.slice(2, 4)}`, opensOn, addDays(DEMO_TODAY, days + 60), moneyCents(planned.totalBudget) * 4n, planned.leadPartnerId);
    em.create(FundingApplication, {
      id: stableId(`funding-application:planned:${k}`), call: made, initiative: planned, requested: centsToMoney((moneyCents(planned.totalBudget) * 8n) / 10n), submittedOn: addDays(DEMO_TODAY, days),
      status, granted: null, decidedOn: why ? addDays(DEMO_TODAY, days + 25) : null, decisionReason: why,
    });
    count("funding_application");
  });
}

/** What the confirmed contributions leave of the budget, in one share of the main fund and (for the funds that need it) one of co-financing. */
function shareOut(em: EntityManager, rnd: Random, initiative: Initiative, parts: AgreementParticipant[], count: (table: string) => void): FundingShare | undefined {
  const rest = moneyCents(coverage(initiative.totalBudget, [], parts).gap);
  if (rest <= 0n) return undefined;
  const [programme, call] = PROGRAMMES[initiative.fundingSource];
  const coFinanced = initiative.fundingSource === FundingSource.ESF_PLUS || initiative.fundingSource === FundingSource.PFRON;
  const main = coFinanced ? (rest * BigInt(rnd.int(80, 90))) / 100n : rest;
  const callReference = call ? `${call}${String(rnd.int(1, 40)).padStart(3, "0")}/${initiative.startsOn.slice(2, 4)}` : null;
  const share = em.create(FundingShare, { id: stableId(`share:${initiative.id}:main`), initiative, source: initiative.fundingSource, programme, callReference, amount: centsToMoney(main) });
  count("funding_share");
  if (main === rest) return share;
  em.create(FundingShare, { id: stableId(`share:${initiative.id}:co`), initiative, source: FundingSource.LOCAL_GOVERNMENT_BUDGET, programme: CO_FINANCING, callReference: null, amount: centsToMoney(rest - main) });
  count("funding_share");
  return share;
}

/** Monthly spending by the confirmed parts while it ran: nearly all of the budget once completed, in step with time while running, part of it if cancelled. */
function spend(em: EntityManager, rnd: Random, initiative: Initiative, parts: AgreementParticipant[], count: (table: string) => void): void {
  if (initiative.status === InitiativeStatus.AGREED) return;
  const spenders = parts.filter((p) => p.status === PartStatus.CONFIRMED);
  const until = initiative.endsOn < DEMO_TODAY ? initiative.endsOn : DEMO_TODAY;
  const months = Math.max(1, Math.floor((Date.parse(until) - Date.parse(initiative.startsOn)) / 2.63e9));
  const span = Math.max(1, (Date.parse(initiative.endsOn) - Date.parse(initiative.startsOn)) / 2.63e9);
  const share = initiative.status === InitiativeStatus.COMPLETED ? 0.93 + rnd.next() * 0.06 : initiative.status === InitiativeStatus.CANCELLED ? 0.4 * Math.min(1, months / span) : 0.9 * Math.min(1, months / span);
  const budget = moneyCents(initiative.totalBudget);
  const target = (budget * BigInt(Math.round(share * 10_000))) / 10_000n;
  let spent = 0n;
  for (let m = 0; m < months; m++) {
    const monthly = m === months - 1 ? target - spent : (target * BigInt(Math.round((0.7 + rnd.next() * 0.6) * 1000))) / BigInt(months * 1000);
    const amount = monthly > budget - spent ? budget - spent : monthly;
    if (amount <= 0n) break;
    spent += amount;
    const spender = m % 3 === 2 && spenders.length > 1 ? rnd.pick(spenders.slice(1)) : spenders[0]!;
    em.create(Expenditure, {
      id: stableId(`expenditure:${initiative.id}:${m}`), initiative, partnerId: spender.partnerId,
      spentOn: addDays(initiative.startsOn, m * 30 + rnd.int(5, 28)), amount: centsToMoney(amount), category: rnd.pick(CATEGORIES), description: null,
    });
    count("expenditure");
  }
}

/** An initiative signed ten days ago that starts next month: the stage between planning and running. */
function agreedInitiative(em: EntityManager, rnd: Random, like: Initiative, count: (table: string) => void, agreementNo: number): void {
  const [lead, ...others] = [DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!, ...rnd.sample(DEMO_PARTNERS.filter((p) => p.withdrewOn === null && p.key !== "pup-bedzin"), 2)];
  const signedOn = addDays(DEMO_TODAY, -10);
  const initiative = em.create(Initiative, {
    id: stableId("initiative:agreed"), title: "Staże z gwarancją zatrudnienia 2027",
    description: "Staże u pracodawców partnerstwa zakończone zatrudnieniem na co najmniej 6 miesięcy.",
    issue: like.issue, missionAreas: like.missionAreas, municipalityCodes: like.municipalityCodes,
    startsOn: addDays(DEMO_TODAY, 30), endsOn: addDays(DEMO_TODAY, 395), status: InitiativeStatus.AGREED,
    fundingSource: FundingSource.LABOUR_FUND, totalBudget: "360000.00", leadPartnerId: lead.id,
    agreementNumber: `PW/${agreementNo}/${signedOn.slice(0, 4)}`, agreementSignedOn: signedOn,
  });
  count("initiative");
  const parts = [lead, ...others].map((partner, m) => {
    const part = em.create(AgreementParticipant, {
      id: stableId(`agreement:agreed:${partner.key}`), initiative, partnerId: partner.id, partnerSector: partner.sector,
      role: m === 0 ? ParticipantRole.LEAD : ParticipantRole.PARTNER,
      tasks: m === 0 ? ["koordynacja", "pośrednictwo pracy"] : ["staże u pracodawcy"],
      responsibilities: m === 0 ? "Koordynacja, rozliczenie i sprawozdawczość." : "Przyjęcie stażystów i zatrudnienie po stażu.",
      cashContribution: m === 0 ? "36000.00" : "0.00", inKindContribution: m === 0 ? "12000.00" : "18000.00",
      inKindDescription: m === 0 ? "czas pracy doradcy" : "opiekun stażysty", confirmedOn: addDays(signedOn, -rnd.int(2, 9)), status: PartStatus.CONFIRMED,
    });
    count("agreement_participant");
    return part;
  });
  shareOut(em, rnd, initiative, parts, count);
}
