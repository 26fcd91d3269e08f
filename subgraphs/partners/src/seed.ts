import type { EntityManager } from "@mikro-orm/postgresql";
import { createHash } from "node:crypto";
import { OutboxEvent, WEBHOOK_SECRET_PREFIX, stableId, type SeedResult } from "@bdp/kit/server";
import { MissionArea, Sector, competenceOf, territorialUnit } from "@bdp/kit/domain";
import { DEMO_PARTNERS, Random, type DemoPartner } from "@bdp/kit/demo";
import { seedGovernance } from "./governance/governance.seed.js";
import { Partner, PartnerStatus } from "./partner/partner.entity.js";
import { Representative } from "./representative/representative.entity.js";
import { AccessionApplication, ApplicationStatus } from "./application/application.entity.js";
import { MembershipChange } from "./membership/membership.entity.js";
import { WebhookDelivery, WebhookSubscription } from "./webhook/webhook.entity.js";
import { WebhookDeliveryStatus, WebhookEventType } from "./webhook/webhook-event.js";
import { MEMBERSHIP_STEPS, membershipEvent, type MembershipStep } from "./membership/membership-steps.js";

const FIRST = ["Anna", "Katarzyna", "Magdalena", "Agnieszka", "Joanna", "Monika", "Barbara", "Ewa", "Piotr", "Tomasz", "Marcin", "Krzysztof", "Paweł", "Michał", "Grzegorz", "Łukasz"];
const LAST = ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Dąbrowski", "Kozłowski", "Mazur", "Krawczyk", "Piątek", "Grabowski", "Pawlak", "Michalski"];
const STREETS = ["ul. Małachowskiego", "ul. Kościuszki", "ul. 1 Maja", "ul. Sienkiewicza", "ul. Piłsudskiego", "ul. Mickiewicza", "ul. Górnicza", "ul. Hutnicza", "ul. Szkolna", "ul. Parkowa"];
const POSITIONS = ["Dyrektor", "Prezes zarządu", "Kierownik działu rozwoju", "Specjalista ds. projektów", "Koordynator ds. współpracy", "Doradca zawodowy"];
const COMPETENCES = ["doradztwo zawodowe", "pośrednictwo pracy", "szkolenia BHP", "sale szkoleniowe", "doradztwo HR", "wsparcie osób z niepełnosprawnościami", "promocja w mediach lokalnych", "wolontariat", "staże i praktyki", "analiza rynku pracy", "pozyskiwanie funduszy UE", "mentoring młodzieży"];
const POSTAL: Record<string, string> = { "2401011": "42-500", "2401021": "41-250", "2401031": "42-580", "2401042": "42-583", "2401052": "42-460", "2401062": "42-512", "2401073": "42-470", "2401081": "41-260", "2465011": "41-300" };

/** Female surnames ending in -ski/-cki take -ska/-cka. */
function surname(last: string, female: boolean): string {
  return female ? last.replace(/ski$/, "ska").replace(/cki$/, "cka") : last;
}

/**
 * The registers a demo partner is entered in (issue #16, item 6): the
 * training providers that are not public offices in RIS (of the Silesian
 * voivodeship, 24), one business in six as an employment agency in KRAZ,
 * half the NGOs with public benefit status. Each partner's own stream, so
 * the rest of the demo is as before.
 */
function registries(demo: DemoPartner): { risNumber: string | null; krazNumber: string | null; publicBenefit: boolean } {
  const rnd = new Random(`registries:${demo.id}`);
  const publicOffice = demo.sector === Sector.LABOUR_OFFICE || demo.sector === Sector.LOCAL_GOVERNMENT;
  const accededYear = Number(demo.accededOn.slice(0, 4));
  return {
    risNumber: demo.roles.includes("trainingProvider") && !publicOffice ? `2.24/${String(rnd.int(1, 2999)).padStart(5, "0")}/${rnd.int(2005, Math.max(2005, accededYear))}` : null,
    krazNumber: demo.sector === Sector.BUSINESS && rnd.chance(1 / 6) ? String(rnd.int(1000, 29999)) : null,
    publicBenefit: demo.sector === Sector.NGO && rnd.chance(0.5),
  };
}

/** Partners and their representatives, by the demo's rules; returns the representatives written. */
function seedPartners(em: EntityManager, partners: readonly DemoPartner[], rnd: Random): number {
  const person = () => {
    const first = rnd.pick(FIRST);
    const female = first.endsWith("a");
    return `${first} ${surname(rnd.pick(LAST), female)}`;
  };
  let representatives = 0;
  for (const demo of partners) {
    const city = territorialUnit(demo.municipalityCode)!.name;
    const domain = `${demo.key.replace(/^(biz|ngo|edu|other|person)-/, "").slice(0, 24)}.example.pl`;
    const partner = em.create(Partner, {
      id: demo.id,
      name: demo.name,
      shortName: demo.key.startsWith("pup-") ? (demo.key === "pup-bedzin" ? "PUP Będzin" : "PUP Dąbrowa Górnicza") : null,
      sector: demo.sector,
      // one business is suspended, so every status shows in the demo
      status: demo.withdrewOn ? PartnerStatus.WITHDRAWN : demo.key === "biz-budmax-dabrowa-sp-z-o-o" ? PartnerStatus.SUSPENDED : PartnerStatus.ACTIVE,
      nip: demo.nip,
      regon: demo.regon,
      krs: demo.krs,
      municipalityCode: demo.municipalityCode,
      activityArea: [demo.municipalityCode],
      address: { street: `${rnd.pick(STREETS)} ${rnd.int(1, 120)}`, postalCode: POSTAL[demo.municipalityCode] ?? "42-500", city },
      email: demo.sector === Sector.INDIVIDUAL ? null : `kontakt@${domain}`,
      phone: `+48 32 ${rnd.int(200, 799)} ${String(rnd.int(0, 99)).padStart(2, "0")} ${String(rnd.int(0, 99)).padStart(2, "0")}`,
      website: demo.sector === Sector.INDIVIDUAL ? null : `https://${domain}`,
      missionAreas: demo.missionAreas,
      // the demo's competences are the vocabulary's terms (the same draws as when they were free text)
      competenceAreas: rnd.sample(COMPETENCES, rnd.int(1, 4)).map((text) => competenceOf(text)!),
      resourcesOffered: rnd.chance(0.6) ? rnd.pick(["sala na 30 osób", "dwóch doradców zawodowych na 1/4 etatu", "pracownia komputerowa", "transport uczestników", "wkład finansowy do projektów wspólnych", "miejsca stażowe"]) : null,
      accededOn: demo.accededOn,
      withdrewOn: demo.withdrewOn,
      ...registries(demo),
      // every demo identifier is made up, though some names are real bodies' (issue #16)
      fictionalIdentifiers: true,
    });
    const count = demo.sector === Sector.INDIVIDUAL ? 1 : rnd.int(1, 3);
    for (let i = 0; i < count; i++) {
      const fullName = demo.sector === Sector.INDIVIDUAL ? demo.name : person();
      em.create(Representative, {
        id: stableId(`representative:${demo.key}:${i}`),
        partner,
        fullName,
        position: demo.sector === Sector.INDIVIDUAL ? "Osoba prywatna" : rnd.pick(POSITIONS),
        email: demo.sector === Sector.INDIVIDUAL ? null : `${fullName.split(" ")[0]!.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l")}@${domain}`,
        phone: null,
        primary: i === 0,
      });
      representatives++;
    }
  }

  return representatives;
}

/** Benchmark partners (issue #6), by the same rules. */
export async function generate(em: EntityManager, partners: readonly DemoPartner[], batch: number): Promise<SeedResult> {
  const representatives = seedPartners(em, partners, new Random(`partners-generated:${batch}`));
  return { counts: { partner: partners.length, representative: representatives } };
}

export async function seed(em: EntityManager): Promise<SeedResult> {
  const rnd = new Random("partners-seed");
  const representatives = seedPartners(em, DEMO_PARTNERS, rnd);

  const applicants: [string, Sector, string, ApplicationStatus, string | null][] = [
    ["Fundacja Nowe Horyzonty Zagłębia", Sector.NGO, "2465011", ApplicationStatus.SUBMITTED, null],
    ["Warsztat Stolarski Bobrowniki s.c.", Sector.BUSINESS, "2401042", ApplicationStatus.SUBMITTED, null],
    ["Szkoła Branżowa I Stopnia w Wojkowicach", Sector.EDUCATION, "2401031", ApplicationStatus.SUBMITTED, null],
    ["Stowarzyszenie Seniorzy Aktywni", Sector.NGO, "2401021", ApplicationStatus.REJECTED, "Statut stowarzyszenia nie obejmuje działań na rzecz rynku pracy; zachęcamy do ponownego wniosku po jego zmianie."],
    ["Agencja Pośrednictwa XYZ", Sector.BUSINESS, "2465011", ApplicationStatus.REJECTED, "Brak wpisu do rejestru agencji zatrudnienia."],
    // seated in Katowice, acting in the county and the city: the declaration is open to any interested entity (issue #15)
    ["Śląskie Stowarzyszenie Wspierania Ekonomii Społecznej (fikcyjne)", Sector.NGO, "2469011", ApplicationStatus.SUBMITTED, null],
  ];
  const outside: Record<string, string[]> = { "2469011": ["2401", "2465"] };
  applicants.forEach(([name, sector, municipalityCode, status, reason], i) => {
    em.create(AccessionApplication, {
      id: stableId(`application:${i}`),
      organisationName: name,
      sector,
      nip: rnd.nip(),
      regon: rnd.regon(),
      krs: sector === Sector.NGO ? rnd.krs() : null,
      municipalityCode,
      activityArea: outside[municipalityCode] ?? [municipalityCode],
      contactEmail: `biuro@wniosek${i}.example.pl`,
      missionAreas: rnd.sample(Object.values(MissionArea), 2),
      statement: "Chcemy współtworzyć lokalne programy aktywizacji zawodowej i dzielić się naszym doświadczeniem.",
      status,
      submittedAt: new Date(Date.UTC(2025, rnd.int(0, 10), rnd.int(1, 28), 10)),
      decidedAt: status === ApplicationStatus.SUBMITTED ? null : new Date(Date.UTC(2025, 11, 15, 12)),
      decisionReason: reason,
    });
  });
  // Approved applications: the partners that joined most recently.
  const recent = DEMO_PARTNERS.filter((p) => p.accededOn >= "2024-01-01" && p.sector !== Sector.INDIVIDUAL).slice(0, 4);
  recent.forEach((p, i) => {
    em.create(AccessionApplication, {
      id: stableId(`application:approved:${i}`),
      organisationName: p.name,
      sector: p.sector,
      nip: p.nip,
      regon: p.regon,
      krs: p.krs,
      municipalityCode: p.municipalityCode,
      activityArea: [p.municipalityCode],
      contactEmail: `biuro@${p.key}.example.pl`,
      missionAreas: p.missionAreas,
      statement: "Deklarujemy przystąpienie do porozumienia i udział w jego działaniach.",
      status: ApplicationStatus.APPROVED,
      submittedAt: new Date(`${p.accededOn}T09:00:00Z`),
      decidedAt: new Date(`${p.accededOn}T15:00:00Z`),
      decisionReason: "Wnioskodawca spełnia warunki deklaracji.",
      partnerId: p.id,
    });
  });
  const events = seedMembership(em);
  seedWebhooks(em, events);
  const governance = seedGovernance(em, applicants.flatMap(([, , , status], i) => (status === ApplicationStatus.SUBMITTED ? [stableId(`application:${i}`)] : [])));
  return {
    counts: { partner: DEMO_PARTNERS.length, representative: representatives, accession_application: applicants.length + recent.length, membership_change: events.length, webhook_subscription: 1, webhook_delivery: events.length, ...governance },
  };
}

/**
 * The membership changes behind the seeded statuses (withdrawals, the one
 * suspension), each with the event it told, already dispatched.
 */
function seedMembership(em: EntityManager): OutboxEvent[] {
  const reinstated = DEMO_PARTNERS.find((p) => p.key.startsWith("biz-") && !p.withdrewOn && p.key !== "biz-budmax-dabrowa-sp-z-o-o" && p.accededOn < "2023-01-01");
  type Change = { partner: DemoPartner; step: MembershipStep; on: string; reason: string; decisionReference: string | null };
  const changes = DEMO_PARTNERS.flatMap((p): Change[] => {
    if (p.withdrewOn) return [{ partner: p, step: "withdraw", on: p.withdrewOn, reason: "Zakończenie działalności w obszarze rynku pracy.", decisionReference: null }];
    if (p.key === "biz-budmax-dabrowa-sp-z-o-o") {
      return [{ partner: p, step: "suspend", on: "2026-03-31", reason: "Brak udziału w pracach partnerstwa przez ponad rok.", decisionReference: "Uchwała nr 2/2026 Rady Partnerstwa" }];
    }
    // a partner suspended once and reinstated: active again, with its history
    if (p === reinstated) {
      return [
        { partner: p, step: "suspend", on: "2023-06-30", reason: "Zaległości w sprawozdaniach z realizacji wspólnych działań.", decisionReference: "Uchwała nr 4/2023 Rady Partnerstwa" },
        { partner: p, step: "reinstate", on: "2024-01-15", reason: "Sprawozdania uzupełnione.", decisionReference: "Uchwała nr 1/2024 Rady Partnerstwa" },
      ];
    }
    return [];
  });
  return changes.map(({ partner, step, ...change }) => {
    const at = new Date(`${change.on}T12:00:00Z`);
    const status = MEMBERSHIP_STEPS[step].to;
    const told = membershipEvent(step, partner, change);
    em.create(MembershipChange, { id: stableId(`membership:${partner.id}:${status}:${change.on}`), partnerId: partner.id, status, ...change, recordedAt: at });
    return em.create(OutboxEvent, {
      ...told,
      id: stableId(`event:${partner.id}:${told.type}:${change.on}`),
      occurredAt: at,
      dispatchedAt: at,
    });
  });
}

/**
 * One labour office's webhook into its case system, paused, with a delivery
 * in every state: what a partner sees of its own webhooks. Paused, so the
 * demo never posts to its made-up address.
 */
function seedWebhooks(em: EntityManager, events: readonly OutboxEvent[]): void {
  const owner = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;
  const subscription = em.create(WebhookSubscription, {
    id: stableId("webhook:pup-bedzin"),
    partnerId: owner.id,
    url: "https://crm.pup-bedzin.example.pl/webhooks/bdp",
    events: Object.values(WebhookEventType),
    description: "System obsługi klienta PUP (demo)",
    active: false,
    secret: WEBHOOK_SECRET_PREFIX + createHash("sha256").update("demo webhook of pup-bedzin").digest("base64"),
    createdAt: new Date("2019-01-02T09:00:00Z"),
    updatedAt: new Date("2026-06-30T09:00:00Z"),
  });
  const statuses = [WebhookDeliveryStatus.DELIVERED, WebhookDeliveryStatus.FAILED, WebhookDeliveryStatus.PENDING];
  events.forEach((event, i) => {
    const status = i === events.length - 1 ? WebhookDeliveryStatus.PENDING : i === events.length - 2 ? WebhookDeliveryStatus.FAILED : statuses[0]!;
    const at = event.occurredAt;
    em.create(WebhookDelivery, {
      id: stableId(`delivery:${event.id}`),
      subscriptionId: subscription.id,
      eventId: event.id,
      eventType: event.type as WebhookEventType,
      status,
      attempts: status === WebhookDeliveryStatus.FAILED ? 12 : status === WebhookDeliveryStatus.PENDING ? 3 : 1,
      createdAt: at,
      nextAttemptAt: at,
      lastAttemptAt: at,
      lastResponseStatus: status === WebhookDeliveryStatus.DELIVERED ? 200 : 503,
      lastError: status === WebhookDeliveryStatus.DELIVERED ? null : "an answer that was not 2xx",
      deliveredAt: status === WebhookDeliveryStatus.DELIVERED ? at : null,
    });
  });
}
