import DataLoader from "dataloader";
import type { EntityManager } from "@mikro-orm/postgresql";
import { byIdLoader, groupLoader, placeholders, sqlRows } from "@bdp/kit/server";
import { unitAndDescendants } from "@bdp/kit/domain";
import { Partner } from "./partner/partner.entity.js";
import { Representative } from "./representative/representative.entity.js";
import { MembershipChange } from "./membership/membership.entity.js";
import { AgendaItem, Body, BodyMember, Meeting, Resolution, ResolutionVote } from "./governance/governance.entity.js";

export function createLoaders(em: EntityManager) {
  return {
    partner: byIdLoader(em, Partner),
    representativesByPartner: groupLoader(em, Representative, "partner", { primary: "desc", fullName: "asc" }),
    body: byIdLoader(em, Body),
    meeting: byIdLoader(em, Meeting),
    membersByBody: groupLoader(em, BodyMember, "body", { role: "asc", termFrom: "asc", id: "asc" }),
    meetingsByBody: groupLoader(em, Meeting, "body", { heldOn: "desc", number: "desc" }),
    agendaByMeeting: groupLoader(em, AgendaItem, "meeting", { ordinal: "asc" }),
    resolutionsByMeeting: groupLoader(em, Resolution, "meeting", { createdAt: "asc", id: "asc" }),
    votesByResolution: groupLoader(em, ResolutionVote, "resolution", { choice: "asc", partnerId: "asc" }),
    /** Each body's years, one query for all bodies asked for. */
    bodyYears: new DataLoader<string, { year: number; meetingsHeld: number; meetingsCancelled: number; resolutions: number; adopted: number; attendance: number | null }[]>(async (ids) => {
      const rows = await sqlRows<{ body_id: string; year: number; held: number; cancelled: number; resolutions: number; adopted: number; attendance: string | null }[]>(em,
        `select m.body_id, extract(year from m.held_on)::int as year,
                count(*) filter (where m.status = 'HELD')::int as held, count(*) filter (where m.status = 'CANCELLED')::int as cancelled,
                coalesce(sum(r.voted), 0)::int as resolutions, coalesce(sum(r.adopted), 0)::int as adopted,
                round(sum(cardinality(m.present_partner_ids)) filter (where m.status = 'HELD')::numeric
                      / nullif(sum(mm.members) filter (where m.status = 'HELD'), 0), 3)::text as attendance
         from meeting m
         left join lateral (select count(*) as voted, count(*) filter (where adopted) as adopted from resolution where meeting_id = m.id) r on true
         left join lateral (select count(*) as members from body_member b where b.body_id = m.body_id and b.term_from <= m.held_on and (b.term_to is null or b.term_to >= m.held_on)) mm on true
         where m.body_id in (${placeholders([...ids])}) and m.status <> 'CALLED'
         group by m.body_id, extract(year from m.held_on) order by 2`,
        [...ids],
      );
      return ids.map((id) => rows.filter((r) => r.body_id === id).map((r) => ({ year: r.year, meetingsHeld: r.held, meetingsCancelled: r.cancelled, resolutions: r.resolutions, adopted: r.adopted, attendance: r.attendance === null ? null : Number(r.attendance) })));
    }),
    membershipByPartner: groupLoader(em, MembershipChange, "partnerId", { on: "asc", recordedAt: "asc" }),
    /** Partners seated in a unit or inside it, one query for all units asked for. */
    partnersInUnit: new DataLoader<string, Partner[]>(async (codes) => {
      const scopes = codes.map((c) => unitAndDescendants(c));
      const rows = await em.find(Partner, { municipalityCode: { $in: [...new Set(scopes.flat())] } }, { orderBy: { name: "asc", id: "asc" } });
      return scopes.map((scope) => rows.filter((p) => scope.includes(p.municipalityCode)));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
