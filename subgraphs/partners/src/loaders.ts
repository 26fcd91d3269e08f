import DataLoader from "dataloader";
import type { EntityManager } from "@mikro-orm/postgresql";
import { byIdLoader, groupLoader } from "@bdp/kit/server";
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
