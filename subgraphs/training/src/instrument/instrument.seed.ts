import type { EntityManager } from "@mikro-orm/postgresql";
import { lastDayOf, stableId } from "@bdp/kit/server";
import { FundingSource, SupportForm, TargetGroup } from "@bdp/kit/domain";
import { DEMO_TODAY, Random, addDays, type DemoPartner } from "@bdp/kit/demo";
import { BeneficiaryKind, DutyStatus, InstrumentAgreement, InstrumentCall, InstrumentDuty } from "./instrument.entity.js";
import { DUTY_RULES, DutyKind, type DutyTerm } from "./duties.js";

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
/** The cap per agreement: about six average wages of the year, as offices set it (PLN). */
const CAP: Record<number, number> = { 2019: 30_000, 2020: 32_000, 2021: 34_000, 2022: 37_000, 2023: 40_000, 2024: 44_000, 2025: 47_000, 2026: 49_000 };

interface CallSpec {
  code: string;
  instrument: SupportForm;
  title: string;
  beneficiary: BeneficiaryKind;
  agreements: [min: number, max: number];
  groups: TargetGroup[];
  /** The first year it is run (the 2025 act's new instruments from its entry into force) and the month its call opens. */
  from?: { year: number; month: string };
  /** The cap per agreement as a share of the year's usual cap. */
  capShare?: number;
  /** Duties the office's own rules add where the law fixes none. */
  terms?: DutyTerm[];
}

const SPECS: CallSpec[] = [
  { code: "DJ", instrument: SupportForm.START_UP_GRANT, title: "Jednorazowe środki na podjęcie działalności gospodarczej", beneficiary: BeneficiaryKind.PERSON, agreements: [35, 70], groups: [TargetGroup.UNDER_30, TargetGroup.OVER_50, TargetGroup.LONG_TERM_UNEMPLOYED] },
  { code: "RW", instrument: SupportForm.WORKSTATION_EQUIPMENT_REFUND, title: "Refundacja kosztów wyposażenia lub doposażenia stanowiska pracy", beneficiary: BeneficiaryKind.EMPLOYER, agreements: [15, 30], groups: [TargetGroup.UNDER_30, TargetGroup.OVER_50, TargetGroup.LONG_TERM_UNEMPLOYED, TargetGroup.SINGLE_PARENTS] },
  { code: "PI", instrument: SupportForm.INTERVENTION_WORKS, title: "Prace interwencyjne", beneficiary: BeneficiaryKind.EMPLOYER, agreements: [10, 20], groups: [TargetGroup.OVER_50, TargetGroup.LONG_TERM_UNEMPLOYED], capShare: 0.4, terms: [{ kind: DutyKind.KEEP_EMPLOYED, months: 3 }] },
  { code: "RP", instrument: SupportForm.PUBLIC_WORKS, title: "Roboty publiczne w gminach powiatu", beneficiary: BeneficiaryKind.EMPLOYER, agreements: [3, 6], groups: [TargetGroup.LONG_TERM_UNEMPLOYED], capShare: 0.5 },
  { code: "D50", instrument: SupportForm.WAGE_SUBSIDY_50_PLUS, title: "Dofinansowanie wynagrodzenia za zatrudnienie osoby powyżej 50. roku życia", beneficiary: BeneficiaryKind.EMPLOYER, agreements: [5, 12], groups: [TargetGroup.OVER_50], from: { year: 2025, month: "07" }, capShare: 0.5, terms: [{ kind: DutyKind.KEEP_EMPLOYED, months: 6 }] },
  { code: "PK", instrument: SupportForm.EDUCATION_LOAN, title: "Pożyczka na sfinansowanie kosztów kształcenia", beneficiary: BeneficiaryKind.PERSON, agreements: [2, 6], groups: [TargetGroup.NO_VOCATIONAL_QUALIFICATIONS, TargetGroup.JOB_SEEKERS], from: { year: 2025, month: "07" }, capShare: 0.3 },
];

/**
 * The county labour offices' instruments (issue #16, item 2), from 2019: a
 * call for start-up grants and one for equipment refunds a year each, with
 * a county's volume of agreements, and their duties as the office found
 * them: most kept, some broken with the sum returned, the recent ones
 * running. Its own random stream, so the rest of the training demo is as it
 * was.
 */
export function seedInstruments(em: EntityManager, offices: readonly DemoPartner[], placeOf: (office: DemoPartner, rnd: Random) => string): Record<string, number> {
  const rnd = new Random("instrument-seed");
  const counts = { instrument_call: 0, instrument_agreement: 0, instrument_duty: 0 };
  for (const office of offices) {
    const short = office.key.replace(/^pup-/, "").toUpperCase().slice(0, 3);
    for (const year of YEARS) {
      for (const spec of SPECS) {
        if (spec.from && year < spec.from.year) continue;
        const opensOn = `${year}-${spec.from?.month ?? "02"}-0${rnd.int(1, 9)}`;
        const closesOn = `${year}-11-${rnd.int(10, 28)}`;
        if (opensOn > DEMO_TODAY) continue;
        const n = rnd.int(...spec.agreements);
        const cap = Math.round((CAP[year]! * (spec.capShare ?? 1)) / 100) * 100;
        const amounts = Array.from({ length: n }, () => Math.round((cap * (0.75 + rnd.next() * 0.25)) / 100) * 100);
        const budget = Math.ceil((amounts.reduce((a, b) => a + b, 0) * (1 + rnd.next() * 0.08)) / 10_000) * 10_000;
        const call = em.create(InstrumentCall, {
          id: stableId(`instrument-call:${office.key}:${spec.code}:${year}`),
          providerId: office.id, reference: `PUP-${short}/${spec.code}/1/${year}`, title: `${spec.title} ${year}`,
          description: "Wnioski w siedzibie urzędu lub przez praca.gov.pl; rozpatrywane w kolejności wpływu do wyczerpania środków.",
          instrument: spec.instrument, fundingSource: year >= 2023 && rnd.chance(0.4) ? FundingSource.ESF_PLUS : FundingSource.LABOUR_FUND,
          budget: `${budget}.00`, capPerAgreement: `${cap}.00`, opensOn, closesOn, targetGroups: spec.groups,
          municipalityCodes: [...new Set(Array.from({ length: 40 }, () => placeOf(office, rnd)))].sort(),
          dutyTerms: [...(DUTY_RULES[spec.instrument] ?? []).map(({ kind, months }) => ({ kind, months })), ...(spec.terms ?? [])],
        });
        counts.instrument_call++;
        amounts.forEach((amount, i) => {
          const employer = spec.beneficiary === BeneficiaryKind.EMPLOYER;
          const lastSign = closesOn < DEMO_TODAY ? closesOn : addDays(DEMO_TODAY, -1);
          const span = Math.max(0, (Date.parse(lastSign) - Date.parse(opensOn)) / 86_400_000 - 10);
          const signedOn = addDays(opensOn, 10 + rnd.int(0, span));
          const dutiesFrom = addDays(signedOn, rnd.int(7, 30));
          const agreement = em.create(InstrumentAgreement, {
            id: stableId(`instrument-agreement:${call.id}:${i}`), call, number: `${spec.code}/${i + 1}/${year}`,
            beneficiaryKind: spec.beneficiary, employerNip: employer ? rnd.nip() : null, caseReference: employer ? null : `${short}/${year}/${String(rnd.int(1, 99999)).padStart(5, "0")}`,
            municipalityCode: rnd.pick(call.municipalityCodes), amount: `${amount}.00`, signedOn, dutiesFrom, postsCreated: employer ? 1 : null,
          });
          counts.instrument_agreement++;
          for (const term of call.dutyTerms) {
            const dueOn = lastDayOf(dutiesFrom, term.months);
            const duty = em.create(InstrumentDuty, { id: stableId(`instrument-duty:${agreement.id}:${term.kind}`), agreement, kind: term.kind, months: term.months, dueOn });
            counts.instrument_duty++;
            // about one in twelve is broken on the way; the rest the office finds kept within two months of the end
            const brokenOn = addDays(dutiesFrom, rnd.int(60, term.months * 30 - 10));
            if (rnd.chance(1 / 12) && brokenOn < DEMO_TODAY) {
              const kept = Math.floor((Date.parse(brokenOn) - Date.parse(dutiesFrom)) / (30.4 * 86_400_000));
              const refund = employer ? Math.round((amount * (term.months - kept)) / term.months) : amount;
              Object.assign(duty, { status: DutyStatus.BROKEN, settledOn: brokenOn, refund: `${refund}.00`, note: employer ? "Stanowisko nieutrzymane; zwrot proporcjonalny." : "Działalność zawieszona przed upływem okresu; zwrot środków." });
              continue;
            }
            const checkedOn = addDays(dueOn, rnd.int(10, 60));
            if (checkedOn < DEMO_TODAY) Object.assign(duty, { status: DutyStatus.FULFILLED, settledOn: checkedOn, note: employer ? "Zatrudnienie potwierdzone w ZUS." : "Wpis w CEIDG aktywny przez cały okres." });
          }
        });
      }
    }
  }
  return counts;
}
