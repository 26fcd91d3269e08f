import type { EntityManager } from "@mikro-orm/postgresql";
import { stableId } from "@bdp/kit/server";
import { Sector } from "@bdp/kit/domain";
import { DEMO_PARTNERS, DEMO_TODAY, Random, addDays, type DemoPartner } from "@bdp/kit/demo";
import {
  AgendaItem, AgendaSubject, Body, BodyKind, BodyMember, MajorityRule, Meeting, MeetingStatus, MemberRole, QuorumRule, Resolution, ResolutionEffect, ResolutionVote, VoteChoice,
} from "./governance.entity.js";
import { isAdopted, quorumOf } from "./rules.js";

/**
 * The demo's bodies and decisions (issue #15, item 1), from a random stream
 * of their own: the council meeting every quarter since 2019 and a working
 * group twice a year, with attendance, agenda (reports, the partnership's
 * issues by the labour-market seed's ids), resolutions with every vote, and
 * the council's next meeting called with the pending applications on its
 * agenda.
 */

interface BodySpec {
  key: string;
  name: string;
  kind: BodyKind;
  description: string;
  powers: ResolutionEffect[];
  establishedOn: string;
  members: DemoPartner[];
  /** Months of the year it meets in. */
  months: number[];
}

const PUBLIC_SECTORS = [Sector.LABOUR_OFFICE, Sector.LOCAL_GOVERNMENT];

export function seedGovernance(em: EntityManager, pendingApplicationIds: string[]): Record<string, number> {
  const rnd = new Random("partners-governance");
  const counts: Record<string, number> = {};
  const count = (table: string, n = 1) => (counts[table] = (counts[table] ?? 0) + n);
  const founding = DEMO_PARTNERS.filter((p) => p.accededOn <= "2019-01-15");
  const council: BodySpec = {
    key: "council", name: "Rada Partnerstwa na rzecz Zatrudnienia i Rozwoju", kind: BodyKind.COUNCIL,
    description: "Organ decyzyjny partnerstwa: przyjmuje nowych partnerów, zawiesza i przywraca członkostwo, wprowadza problemy na agendę, przyjmuje strategię, plany działań i sprawozdania.",
    powers: [ResolutionEffect.ADMIT_APPLICANT, ResolutionEffect.REJECT_APPLICANT, ResolutionEffect.SUSPEND_PARTNER, ResolutionEffect.REINSTATE_PARTNER, ResolutionEffect.PUT_ISSUE_ON_AGENDA, ResolutionEffect.ADOPT_STRATEGY],
    establishedOn: "2019-01-15",
    members: [...founding.filter((p) => PUBLIC_SECTORS.includes(p.sector)), ...founding.filter((p) => p.sector === Sector.NGO).slice(0, 2), ...founding.filter((p) => p.sector === Sector.BUSINESS).slice(0, 2)],
    months: [3, 6, 9, 12],
  };
  const group: BodySpec = {
    key: "disability-group", name: "Zespół roboczy ds. aktywizacji osób z niepełnosprawnościami", kind: BodyKind.WORKING_GROUP,
    description: "Przygotowuje rekomendacje dla Rady w sprawie zatrudnienia wspomaganego, trenerów pracy i dostępności miejsc pracy.",
    powers: [], establishedOn: "2020-03-02",
    members: DEMO_PARTNERS.filter((p) => p.roles.includes("activationOperator") && p.accededOn <= "2020-03-02").slice(0, 6),
    months: [4, 10],
  };
  for (const spec of [council, group]) {
    const body = em.create(Body, { id: stableId(`body:${spec.key}`), name: spec.name, kind: spec.kind, description: spec.description, quorum: QuorumRule.HALF, majority: MajorityRule.SIMPLE, powers: spec.powers, establishedOn: spec.establishedOn });
    count("body");
    const seats = spec.members.map((partner, i) => {
      count("body_member");
      return em.create(BodyMember, {
        id: stableId(`seat:${spec.key}:${partner.key}`), body, partnerId: partner.id,
        role: i === 0 ? MemberRole.CHAIR : i === 1 ? MemberRole.VICE_CHAIR : MemberRole.MEMBER,
        representative: i === 0 ? "Przewodniczący – dyrektor urzędu" : null, termFrom: spec.establishedOn, termTo: partner.withdrewOn,
      });
    });
    let number = 0;
    const perYear = new Map<string, number>();
    for (let year = Number(spec.establishedOn.slice(0, 4)); year <= Number(DEMO_TODAY.slice(0, 4)); year++) {
      for (const month of spec.months) {
        const heldOn = `${year}-${String(month).padStart(2, "0")}-${String(rnd.int(8, 24)).padStart(2, "0")}`;
        if (heldOn <= spec.establishedOn || heldOn > DEMO_TODAY) continue;
        const members = seats.filter((s) => s.termTo === null || s.termTo >= heldOn);
        if (spec.kind === BodyKind.WORKING_GROUP && heldOn.startsWith("2020-04")) {
          em.create(Meeting, { id: stableId(`meeting:${spec.key}:${++number}`), body, number, heldOn, place: "PUP w Będzinie, sala szkoleniowa", status: MeetingStatus.CANCELLED, minutes: "Posiedzenie odwołane w związku z ograniczeniami w okresie stanu epidemii." });
          count("meeting");
          continue;
        }
        const present = members.filter(() => rnd.chance(0.82)).map((s) => s.partnerId);
        const meeting = em.create(Meeting, {
          id: stableId(`meeting:${spec.key}:${++number}`), body, number, heldOn, place: rnd.pick(["Starostwo Powiatowe w Będzinie, sala sesyjna", "Urząd Miejski w Dąbrowie Górniczej, sala 101", "PUP w Będzinie, sala szkoleniowa"]),
          status: MeetingStatus.HELD, presentPartnerIds: present,
          minutes: `Posiedzenie otworzył przewodniczący. Obecnych ${present.length} z ${members.length} członków${present.length >= quorumOf(QuorumRule.HALF, members.length) ? "; stwierdzono kworum" : "; brak kworum, uchwał nie podejmowano"}. Przyjęto porządek obrad bez uwag.`,
        });
        count("meeting");
        const items = [
          { title: `Sprawozdanie z realizacji planu działań za ${month <= 6 ? "I półrocze" : "II półrocze"} ${year}`, subjectType: AgendaSubject.OTHER, subjectId: null },
          ...(rnd.chance(0.6) ? [{ title: "Problem zgłoszony do agendy partnerstwa", subjectType: AgendaSubject.ISSUE, subjectId: stableId(`issue:${rnd.int(0, 11)}`) }] : []),
        ];
        const agenda = items.map((item, i) => em.create(AgendaItem, { id: stableId(`agenda:${meeting.id}:${i + 1}`), meeting, ordinal: i + 1, ...item }));
        count("agenda_item", agenda.length);
        if (present.length < quorumOf(QuorumRule.HALF, members.length)) continue;
        for (const item of agenda) {
          const votes = present.map((partnerId) => ({ partnerId, choice: rnd.chance(0.85) ? VoteChoice.FOR : rnd.chance(0.5) ? VoteChoice.ABSTAIN : VoteChoice.AGAINST }));
          const tally = { for: votes.filter((v) => v.choice === VoteChoice.FOR).length, against: votes.filter((v) => v.choice === VoteChoice.AGAINST).length, present: present.length };
          const seq = (perYear.get(`${year}`) ?? 0) + 1;
          perYear.set(`${year}`, seq);
          const resolution = em.create(Resolution, {
            id: stableId(`resolution:${spec.key}:${year}:${seq}`), body, meeting, agendaItem: item, number: `${seq}/${year}`,
            title: item.subjectType === AgendaSubject.ISSUE ? (spec.kind === BodyKind.COUNCIL ? "W sprawie przyjęcia problemu na agendę partnerstwa" : "W sprawie rekomendacji dla Rady") : "W sprawie przyjęcia sprawozdania",
            reasons: "Materiał przedstawiony przez koordynatora i omówiony na posiedzeniu; członkowie nie zgłosili zastrzeżeń formalnych.",
            effect: ResolutionEffect.NONE, subjectId: item.subjectId,
            membersTotal: members.length, membersPresent: present.length, votesFor: tally.for, votesAgainst: tally.against, abstentions: votes.length - tally.for - tally.against,
            adopted: isAdopted(MajorityRule.SIMPLE, tally),
          });
          count("resolution");
          for (const vote of votes) em.create(ResolutionVote, { id: stableId(`vote:${resolution.id}:${vote.partnerId}`), resolution, ...vote });
          count("resolution_vote", votes.length);
        }
      }
    }
    if (spec.kind !== BodyKind.COUNCIL) continue;
    // the next meeting, called: the applications waiting for the council's decision
    const next = em.create(Meeting, { id: stableId(`meeting:${spec.key}:${++number}`), body, number, heldOn: addDays(DEMO_TODAY, 60), place: "Starostwo Powiatowe w Będzinie, sala sesyjna" });
    count("meeting");
    pendingApplicationIds.forEach((subjectId, i) => em.create(AgendaItem, { id: stableId(`agenda:${next.id}:${i + 1}`), meeting: next, ordinal: i + 1, title: "Rozpatrzenie wniosku o przystąpienie do partnerstwa", subjectType: AgendaSubject.APPLICATION, subjectId }));
    count("agenda_item", pendingApplicationIds.length);
  }
  return counts;
}
