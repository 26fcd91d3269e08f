import { Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";
import { ConnectionType, PageArgs, checkId, checkList, paginate, type HubContext } from "@bdp/kit/server";
import { Sector } from "@bdp/kit/domain";
import { AccessionApplication, ApplicationStatus } from "./application.entity.js";
import type { Loaders } from "../loaders.js";

export const AccessionApplicationConnection = ConnectionType(AccessionApplication, "AccessionApplication", "applications to join");

/**
 * A private person's application (name, gmina, statement) is personal data:
 * it is for the applicant, who gets it back when applying, and for the
 * deciding body, the coordinator (issue #11). Organisations' applications
 * are public: the decision structure is transparent.
 */
const visibleTo = (ctx: HubContext<Loaders>) => (ctx.identity.kind === "coordinator" ? {} : { sector: { $ne: Sector.INDIVIDUAL } });

@Resolver(() => AccessionApplication)
export class AccessionApplicationResolver {
  @Query(() => AccessionApplication, { nullable: true, description: "An application to join, by id. A private person's application is the coordinator's to read: null for anyone else." })
  accessionApplication(@Arg("id", () => ID, { description: "Application id." }) id: string, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.em.findOne(AccessionApplication, { id: checkId("id", id), ...visibleTo(ctx) });
  }

  @Query(() => AccessionApplicationConnection, { description: "Applications to join, newest first; the decision structure is public (transparency). Private persons' applications are listed for the coordinator only." })
  accessionApplications(
    @Ctx() ctx: HubContext<Loaders>,
    @Args() page: PageArgs,
    @Arg("statuses", () => [ApplicationStatus], { nullable: true, description: "Only these statuses." }) statuses?: ApplicationStatus[],
  ) {
    const s = checkList("statuses", statuses);
    return paginate(ctx.em, AccessionApplication, { ...(s?.length ? { status: { $in: s } } : {}), ...visibleTo(ctx) }, { submittedAt: "desc" }, page);
  }
}
