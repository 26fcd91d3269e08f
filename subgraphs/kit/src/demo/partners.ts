import { stableId } from "../ids.js";
import { MissionArea as M, Sector } from "../vocabulary.js";
import { Random } from "./random.js";

/**
 * The demo partners every subgraph's seed refers to. Public bodies carry
 * their real names; businesses, NGOs, schools and people are fictional, and
 * every identifier is generated to pass its checksum (none is a real one).
 */
export type DemoRole = "trainingProvider" | "activationOperator" | "employer";

export interface DemoPartner {
  key: string;
  id: string;
  name: string;
  sector: Sector;
  municipalityCode: string;
  nip: string | null;
  regon: string | null;
  krs: string | null;
  missionAreas: M[];
  roles: DemoRole[];
  accededOn: string;
  withdrewOn: string | null;
}

type Row = [key: string, name: string, sector: Sector, municipality: string, roles: DemoRole[], areas: M[]];

const PUBLIC: Row[] = [
  ["pup-bedzin", "Powiatowy Urząd Pracy w Będzinie", Sector.LABOUR_OFFICE, "2401011", ["trainingProvider", "activationOperator"], [M.FUNDING_AND_TRAINING, M.YOUTH_LABOUR_MARKET_ENTRY, M.DISABILITY_ACTIVATION, M.COOPERATION]],
  ["pup-dabrowa", "Powiatowy Urząd Pracy w Dąbrowie Górniczej", Sector.LABOUR_OFFICE, "2465011", ["trainingProvider", "activationOperator"], [M.FUNDING_AND_TRAINING, M.NEW_EMPLOYMENT_FORMS, M.YOUTH_LABOUR_MARKET_ENTRY]],
  ["starostwo-bedzin", "Starostwo Powiatowe w Będzinie", Sector.LOCAL_GOVERNMENT, "2401011", [], [M.LOCAL_STRATEGIES, M.COOPERATION, M.MEDIA_IMAGE]],
  ["um-dabrowa", "Urząd Miejski w Dąbrowie Górniczej", Sector.LOCAL_GOVERNMENT, "2465011", ["employer"], [M.LOCAL_STRATEGIES, M.COOPERATION, M.HERITAGE_AND_ENVIRONMENT]],
  ["um-bedzin", "Urząd Miejski w Będzinie", Sector.LOCAL_GOVERNMENT, "2401011", [], [M.LOCAL_STRATEGIES, M.HERITAGE_AND_ENVIRONMENT]],
  ["um-czeladz", "Urząd Miasta Czeladź", Sector.LOCAL_GOVERNMENT, "2401021", [], [M.LOCAL_STRATEGIES, M.SOCIAL_PATHOLOGIES]],
  ["um-wojkowice", "Urząd Miasta Wojkowice", Sector.LOCAL_GOVERNMENT, "2401031", [], [M.LOCAL_STRATEGIES]],
  ["ug-bobrowniki", "Urząd Gminy Bobrowniki", Sector.LOCAL_GOVERNMENT, "2401042", [], [M.LOCAL_STRATEGIES, M.HERITAGE_AND_ENVIRONMENT]],
  ["ug-mierzecice", "Urząd Gminy Mierzęcice", Sector.LOCAL_GOVERNMENT, "2401052", [], [M.LOCAL_STRATEGIES]],
  ["ug-psary", "Urząd Gminy Psary", Sector.LOCAL_GOVERNMENT, "2401062", [], [M.LOCAL_STRATEGIES, M.COOPERATION]],
  ["umig-siewierz", "Urząd Miasta i Gminy Siewierz", Sector.LOCAL_GOVERNMENT, "2401073", [], [M.LOCAL_STRATEGIES, M.HERITAGE_AND_ENVIRONMENT]],
  ["um-slawkow", "Urząd Miasta Sławków", Sector.LOCAL_GOVERNMENT, "2401081", [], [M.LOCAL_STRATEGIES]],
  ["pcpr-bedzin", "Powiatowe Centrum Pomocy Rodzinie w Będzinie", Sector.OTHER_INSTITUTION, "2401011", ["activationOperator"], [M.DISABILITY_ACTIVATION, M.SOCIAL_PATHOLOGIES]],
];

/** A trade union and an employers' organisation: fictional names. */
const SOCIAL_PARTNERS: [string, Sector, string][] = [
  ["Międzyzakładowy Związek Zawodowy Pracowników Zagłębia", Sector.TRADE_UNION, "2465011"],
  ["Zagłębiowskie Porozumienie Pracodawców", Sector.EMPLOYERS_ORGANISATION, "2401011"],
];

const BUSINESSES: [string, string][] = [
  ["Zagłębiowskie Zakłady Metalowe sp. z o.o.", "2465011"], ["Ceramika Przemsza S.A.", "2401011"], ["Logistyka Pogoria sp. z o.o.", "2465011"],
  ["Drukarnia Grodziec s.c.", "2401011"], ["Piekarnia Czeladzka sp. z o.o.", "2401021"], ["Transbud Wojkowice sp. z o.o.", "2401031"],
  ["Agro-Bobrowniki sp. z o.o.", "2401042"], ["Port Lotniczy Serwis Mierzęcice sp. z o.o.", "2401052"], ["Psary Meble sp. z o.o.", "2401062"],
  ["Zamek Siewierz Hotele sp. z o.o.", "2401073"], ["Terminal Sławków Przeładunki sp. z o.o.", "2401081"], ["Huta Serwis Dąbrowa sp. z o.o.", "2465011"],
  ["Sklepy Zagłębie sp. z o.o.", "2401011"], ["Elektro-Montaż Będzin sp. j.", "2401011"], ["Opieka Domowa Zagłębie sp. z o.o.", "2465011"],
  ["IT Zagłębie sp. z o.o.", "2465011"], ["Auto Części Czeladź sp. z o.o.", "2401021"], ["Zielone Ogrody Psary s.c.", "2401062"],
  ["Budmax Dąbrowa sp. z o.o.", "2465011"], ["Gastro Pogoria sp. z o.o.", "2465011"], ["Czyste Miasto Usługi sp. z o.o.", "2401011"],
  ["Pralnia Przemysłowa Sławków sp. z o.o.", "2401081"], ["Spedycja Śląsk-Wschód sp. z o.o.", "2401052"], ["Księgowość Plus Będzin sp. z o.o.", "2401011"],
];

const NGOS: [string, string][] = [
  ["Stowarzyszenie Aktywni Razem", "2401011"], ["Fundacja Zagłębiowska Szansa", "2465011"], ["Spółdzielnia Socjalna Przystań", "2401021"],
  ["Stowarzyszenie Na Rzecz Osób Niepełnosprawnych „Krok”", "2465011"], ["Fundacja Młodzi w Pracy", "2401011"], ["Stowarzyszenie Dziedzictwo Zagłębia", "2401073"],
  ["Koło Gospodyń Wiejskich w Bobrownikach", "2401042"], ["Fundacja Integracja Psary", "2401062"], ["Stowarzyszenie Przeciw Wykluczeniu „Most”", "2401031"],
  ["Fundacja Ekologiczna Pogoria", "2465011"], ["Warsztaty Terapii Zajęciowej „Tęcza” (stowarzyszenie)", "2401011"], ["Zakład Aktywności Zawodowej „Nowa Droga” (fundacja)", "2465011"],
];

const SCHOOLS: [string, string][] = [
  ["Centrum Kształcenia Zawodowego w Będzinie", "2401011"], ["Zespół Szkół Technicznych w Dąbrowie Górniczej", "2465011"],
  ["Akademia Umiejętności Zagłębie (ośrodek szkoleniowy)", "2465011"], ["Szkoła Policealna Medyczna w Czeladzi", "2401021"],
  ["Ośrodek Szkoleń Kierowców „Przemsza”", "2401011"], ["Centrum Językowe Siewierz", "2401073"],
];

const OTHER: [string, string][] = [["Zagłębiowska Izba Gospodarcza", "2401011"], ["Klub Biznesu Dąbrowa", "2465011"], ["Parafialny Zespół Caritas w Wojkowicach", "2401031"]];
const PEOPLE: [string, string][] = [["Anna Kowalczyk", "2401011"], ["Tomasz Wróbel", "2465011"], ["Ewa Nowicka-Szymańska", "2401062"]];

function slug(name: string): string {
  return name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function build(): DemoPartner[] {
  const rnd = new Random("demo-partners");
  const allAreas = Object.values(M);
  const date = () => `20${rnd.int(11, 24)}-${String(rnd.int(1, 12)).padStart(2, "0")}-${String(rnd.int(1, 28)).padStart(2, "0")}`;
  const out: DemoPartner[] = [];
  const add = (key: string, name: string, sector: Sector, municipalityCode: string, roles: DemoRole[], areas: M[], registered: boolean) => {
    const withdrawn = sector !== Sector.LABOUR_OFFICE && sector !== Sector.LOCAL_GOVERNMENT && rnd.chance(0.08);
    const accededOn = key.startsWith("pup-") || sector === Sector.LOCAL_GOVERNMENT ? "2011-04-14" : date();
    out.push({
      key,
      id: stableId(`partner:${key}`),
      name,
      sector,
      municipalityCode,
      nip: sector === Sector.INDIVIDUAL ? null : rnd.nip(),
      regon: sector === Sector.INDIVIDUAL ? null : rnd.regon(),
      krs: registered ? rnd.krs() : null,
      missionAreas: areas.length ? areas : rnd.sample(allAreas, rnd.int(1, 3)),
      roles,
      accededOn,
      withdrewOn: withdrawn ? `${Math.max(Number(accededOn.slice(0, 4)) + 1, 2020)}-12-31` : null,
    });
  };
  for (const [key, name, sector, m, roles, areas] of PUBLIC) add(key, name, sector, m, roles, areas, false);
  BUSINESSES.forEach(([name, m], i) => add(`biz-${slug(name)}`, name, Sector.BUSINESS, m, i % 3 === 0 ? ["employer", "trainingProvider"] : ["employer"], [], !name.endsWith("s.c.")));
  NGOS.forEach(([name, m], i) =>
    add(`ngo-${slug(name)}`, name, Sector.NGO, m, i % 2 === 0 || /Terapii|Aktywności|Niepełnosprawnych|Integracja/.test(name) ? ["activationOperator", "trainingProvider"] : ["trainingProvider"], [], true),
  );
  for (const [name, m] of SCHOOLS) add(`edu-${slug(name)}`, name, Sector.EDUCATION, m, ["trainingProvider"], [M.FUNDING_AND_TRAINING, M.YOUTH_LABOUR_MARKET_ENTRY, M.PROFESSIONAL_DEVELOPMENT], false);
  for (const [name, m] of OTHER) add(`other-${slug(name)}`, name, Sector.OTHER_INSTITUTION, m, [], [], true);
  for (const [name, m] of PEOPLE) add(`person-${slug(name)}`, name, Sector.INDIVIDUAL, m, [], [], false);
  // the declaration's social partners (issue #16); fictional, added last so everyone before keeps their data
  for (const [name, sector, m] of SOCIAL_PARTNERS) add(`social-${slug(name)}`, name, sector, m, [], [M.COOPERATION, M.PROFESSIONAL_DEVELOPMENT], true);
  return out;
}

export const DEMO_PARTNERS: readonly DemoPartner[] = build();

/** The active partners of a list that play a role. */
export function partnersWithRole(partners: readonly DemoPartner[], role: DemoRole): DemoPartner[] {
  return partners.filter((p) => p.roles.includes(role) && p.withdrewOn === null);
}

export function demoPartnersWithRole(role: DemoRole): DemoPartner[] {
  return partnersWithRole(DEMO_PARTNERS, role);
}
