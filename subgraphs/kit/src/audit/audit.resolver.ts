import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/postgresql";
import { ConnectionType, PageArgs, paginate } from "../pagination.js";
import { checkId } from "../ids.js";
import { requireSignedIn } from "../auth/authorize.js";
import { HubError } from "../errors.js";
import type { HubContext } from "../context.js";
import { AuditEntry } from "./audit.entity.js";

export const AuditEntryConnection = ConnectionType(AuditEntry, "AuditEntry", "audit entries", { shareable: true });

/**
 * The `<name>AuditTrail` query of one subgraph: a partner reads the trail of
 * its own records, the coordinator all of it but the entries about records
 * of people (`personal` entity types: enrolments, participants), newest
 * first. Those are the holder's alone, like the records: counting them per
 * holder would give the coordinator each holder's participants, which the
 * personal-data rules keep from everyone but the holder (issue #11).
 */
export function auditTrailResolver(queryName: string, subgraphLabel: string, options: { personal?: readonly string[] } = {}) {
  const personal = [...(options.personal ?? [])];
  @Resolver()
  class AuditTrailResolver {
    @Authorized("partner", "coordinator")
    @Query(() => AuditEntryConnection, { name: queryName, description: `Audit trail of the ${subgraphLabel}: the caller's own records (a partner) or all (the coordinator${personal.length ? `, but the entries about records of people: ${personal.join(", ")}, which are the holder's alone` : ""}), newest first.` })
    async trail(
      @Ctx() ctx: HubContext,
      @Args() page: PageArgs,
      @Arg("entityId", () => ID, { nullable: true, description: "Only writes to this record." }) entityId?: string,
    ) {
      const identity = requireSignedIn(ctx);
      const where: Record<string, unknown> = {};
      if (identity.kind === "partner") where.ownerPartnerId = identity.partnerId;
      else if (identity.kind !== "coordinator") throw new HubError("FORBIDDEN", "The audit trail is for partners (their own records) and the coordinator");
      else if (personal.length) where.entityType = { $nin: personal };
      if (entityId != null) where.entityId = checkId("entityId", entityId);
      return paginate(ctx.em, AuditEntry, where as FilterQuery<AuditEntry>, { at: "desc" }, page);
    }
  }
  return AuditTrailResolver;
}
