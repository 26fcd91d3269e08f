import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { type HubContext, type PartnerRef as PartnerRefShape, type TerritorialUnitRef as TerritorialUnitRefShape } from "@bdp/kit/server";
import { PartnerRef, TerritorialUnitRef } from "./reference.types.js";
import { TrainingProgramme } from "../programme/programme.entity.js";
import { TrainingEdition } from "../edition/edition.entity.js";
import type { Loaders } from "../loaders.js";

@Resolver(() => PartnerRef)
export class PartnerTrainingResolver {
  @FieldResolver(() => [TrainingProgramme], { nullable: true, description: "Training programmes this partner provides, by title." })
  trainingProgrammes(@Root() partner: PartnerRefShape, @Ctx() ctx: HubContext<Loaders>): Promise<TrainingProgramme[]> {
    return ctx.loaders.programmesByProvider.load(partner.id);
  }
}

@Resolver(() => TerritorialUnitRef)
export class TerritorialUnitTrainingResolver {
  @FieldResolver(() => [TrainingEdition], { nullable: true, description: "Training editions held in this gmina, latest first (for a county or city: use `trainingEditions(filter: {municipalityCode})`)." })
  trainingEditions(@Root() unit: TerritorialUnitRefShape, @Ctx() ctx: HubContext<Loaders>): Promise<TrainingEdition[]> {
    return ctx.loaders.editionsByMunicipality.load(unit.code);
  }
}
