import { stableId } from "../ids.js";
import { nipCheckDigit, regonCheckDigit } from "../identifiers/identifiers.js";
import { GMINA_CODES } from "../territory/teryt.js";
import { MissionArea, Sector } from "../vocabulary.js";
import type { DemoPartner, DemoRole } from "./partners.js";
import { Random } from "./random.js";

/**
 * More partners than the demo has, for benchmarks (issue #6): the same rules
 * as the demo partners (sectors, roles, valid identifiers, gminas of the
 * territory), fictional names, deterministic: partner `i` is the same on
 * every run and in every subgraph, so the subgraphs' generated rows agree.
 */
const KINDS: [Sector, string[], DemoRole[], number][] = [
  // sector, name patterns, roles, share
  [Sector.BUSINESS, ["Przedsiębiorstwo Usługowe {n} sp. z o.o.", "Zakład Produkcyjny {n} S.A.", "Firma Handlowa {n} s.c."], ["employer"], 0.55],
  [Sector.BUSINESS, ["Centrum Szkoleń Firmowych {n} sp. z o.o."], ["employer", "trainingProvider"], 0.1],
  [Sector.NGO, ["Stowarzyszenie Aktywności Lokalnej {n}", "Fundacja Rozwoju Zawodowego {n}"], ["trainingProvider"], 0.12],
  [Sector.NGO, ["Fundacja Integracji Zawodowej {n}", "Spółdzielnia Socjalna {n}"], ["activationOperator", "trainingProvider"], 0.06],
  [Sector.EDUCATION, ["Ośrodek Kształcenia {n}", "Szkoła Branżowa nr {n}"], ["trainingProvider"], 0.07],
  [Sector.OTHER_INSTITUTION, ["Izba Rzemieślnicza Oddział {n}"], [], 0.05],
  [Sector.INDIVIDUAL, ["Osoba Prywatna {n}"], [], 0.05],
];
const AREAS = Object.values(MissionArea);

/** Generated partner number `i` (0-based; keys `gen-<i>`). */
export function generatedPartner(i: number): DemoPartner {
  const rnd = new Random(`generated-partner:${i}`);
  let roll = rnd.next();
  let kind = KINDS[0]!;
  for (const k of KINDS) {
    if (roll < k[3]) {
      kind = k;
      break;
    }
    roll -= k[3];
  }
  const [sector, patterns, roles] = kind;
  const key = `gen-${i}`;
  return {
    key,
    id: stableId(`partner:${key}`),
    name: rnd.pick(patterns).replace("{n}", String(i + 1)),
    sector,
    municipalityCode: rnd.pick(GMINA_CODES),
    // NIPs are unique in the register: derived from `i`, not drawn
    nip: sector === Sector.INDIVIDUAL ? null : uniqueNip(i),
    regon: sector === Sector.INDIVIDUAL ? null : `27${String(i).padStart(6, "0")}${regonCheckDigit(`27${String(i).padStart(6, "0")}`)}`,
    krs: sector === Sector.NGO || (sector === Sector.BUSINESS && rnd.chance(0.7)) ? String(1_000_000 + i).padStart(10, "0") : null,
    missionAreas: rnd.sample(AREAS, rnd.int(1, 3)),
    roles,
    accededOn: `20${rnd.int(11, 26)}-${String(rnd.int(1, 12)).padStart(2, "0")}-${String(rnd.int(1, 28)).padStart(2, "0")}`,
    withdrewOn: null,
  };
}

/** A valid NIP that no other generated partner has: nine digits from `i` (a prefix that fails the checksum moves to the next). */
function uniqueNip(i: number): string {
  for (let prefix = 3; ; prefix++) {
    const nine = `${prefix}${String(i).padStart(8, "0")}`;
    const c = nipCheckDigit(nine);
    if (c !== null) return nine + c;
  }
}

/** Generated partners `from` … `from + count - 1`. */
export function generatedPartners(from: number, count: number): DemoPartner[] {
  return Array.from({ length: count }, (_, k) => generatedPartner(from + k));
}

