import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { type HubContext, type PartnerRef as PartnerRefShape, type TerritorialUnitRef as TerritorialUnitRefShape } from "@bdp/kit/server";
import { PartnerRef, TerritorialUnitRef } from "./reference.types.js";
import { ActivationProgramme } from "../programme/programme.entity.js";
import { DisabilityJobPlace } from "../job-place/job-place.entity.js";
import type { Loaders } from "../loaders.js";

@Resolver(() => PartnerRef)
export class PartnerDisabilityResolver {
  @FieldResolver(() => [ActivationProgramme], { nullable: true, description: "Activation programmes for persons with disabilities this partner runs." })
  activationProgrammes(@Root() partner: PartnerRefShape, @Ctx() ctx: HubContext<Loaders>): Promise<ActivationProgramme[]> {
    return ctx.loaders.programmesByOperator.load(partner.id);
  }

  @FieldResolver(() => [DisabilityJobPlace], { nullable: true, description: "Job places this partner created for persons with disabilities, newest first." })
  disabilityJobPlaces(@Root() partner: PartnerRefShape, @Ctx() ctx: HubContext<Loaders>): Promise<DisabilityJobPlace[]> {
    return ctx.loaders.jobPlacesByEmployer.load(partner.id);
  }
}

@Resolver(() => TerritorialUnitRef)
export class TerritorialUnitDisabilityResolver {
  @FieldResolver(() => [ActivationProgramme], { nullable: true, description: "Activation programmes serving this gmina." })
  activationProgrammes(@Root() unit: TerritorialUnitRefShape, @Ctx() ctx: HubContext<Loaders>): Promise<ActivationProgramme[]> {
    return ctx.loaders.programmesByMunicipality.load(unit.code);
  }
}
