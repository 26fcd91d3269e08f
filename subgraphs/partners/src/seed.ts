import type { EntityManager } from "@mikro-orm/postgresql";
import { stableId, type SeedResult } from "@bdp/kit/server";
import { MissionArea, Sector, territorialUnit } from "@bdp/kit/domain";
import { DEMO_PARTNERS, Random, type DemoPartner } from "@bdp/kit/demo";
import { Partner, PartnerStatus } from "./partner/partner.entity.js";
import { Representative } from "./representative/representative.entity.js";
import { AccessionApplication, ApplicationStatus } from "./application/application.entity.js";

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
      address: { street: `${rnd.pick(STREETS)} ${rnd.int(1, 120)}`, postalCode: POSTAL[demo.municipalityCode] ?? "42-500", city },
      email: demo.sector === Sector.INDIVIDUAL ? null : `kontakt@${domain}`,
      phone: `+48 32 ${rnd.int(200, 799)} ${String(rnd.int(0, 99)).padStart(2, "0")} ${String(rnd.int(0, 99)).padStart(2, "0")}`,
      website: demo.sector === Sector.INDIVIDUAL ? null : `https://${domain}`,
      missionAreas: demo.missionAreas,
      competences: rnd.sample(COMPETENCES, rnd.int(1, 4)),
      resourcesOffered: rnd.chance(0.6) ? rnd.pick(["sala na 30 osób", "dwóch doradców zawodowych na 1/4 etatu", "pracownia komputerowa", "transport uczestników", "wkład finansowy do projektów wspólnych", "miejsca stażowe"]) : null,
      accededOn: demo.accededOn,
      withdrewOn: demo.withdrewOn,
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
  ];
  applicants.forEach(([name, sector, municipalityCode, status, reason], i) => {
    em.create(AccessionApplication, {
      id: stableId(`application:${i}`),
      organisationName: name,
      sector,
      nip: rnd.nip(),
      regon: rnd.regon(),
      krs: sector === Sector.NGO ? rnd.krs() : null,
      municipalityCode,
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
  return { counts: { partner: DEMO_PARTNERS.length, representative: representatives, accession_application: applicants.length + recent.length } };
}
