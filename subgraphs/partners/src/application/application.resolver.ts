import { Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";
import { ConnectionType, PageArgs, checkId, checkList, paginate, type HubContext } from "@bdp/kit";
import { AccessionApplication, ApplicationStatus } from "./application.entity.js";
import type { Loaders } from "../loaders.js";

export const AccessionApplicationConnection = ConnectionType(AccessionApplication, "AccessionApplication", "applications to join");

@Resolver(() => AccessionApplication)
export class AccessionApplicationResolver {
  @Query(() => AccessionApplication, { nullable: true, description: "An application to join, by id." })
  accessionApplication(@Arg("id", () => ID, { description: "Application id." }) id: string, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.em.findOne(AccessionApplication, { id: checkId("id", id) });
  }

  @Query(() => AccessionApplicationConnection, { description: "Applications to join, newest first; the decision structure is public (transparency)." })
  accessionApplications(
    @Ctx() ctx: HubContext<Loaders>,
    @Args() page: PageArgs,
    @Arg("statuses", () => [ApplicationStatus], { nullable: true, description: "Only these statuses." }) statuses?: ApplicationStatus[],
  ) {
    const s = checkList("statuses", statuses);
    return paginate(ctx.em, AccessionApplication, s?.length ? { status: { $in: s } } : {}, { submittedAt: "desc" }, page);
  }
}
