import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Entities owned by the partner register, as other subgraphs and plugins
 * see them: only the key. A subgraph adds its own fields to them with field
 * resolvers (a partner's programmes, a gmina's editions); the gateway fetches
 * the rest from the register.
 */
@Directive('@key(fields: "id")')
@ObjectType("Partner", { description: "An organisation or person that signed the partnership declaration (sygnatariusz porozumienia)." })
export class PartnerRef {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  id!: string;
}

@Directive('@key(fields: "code")')
@ObjectType("TerritorialUnit", { description: "A unit of the territory (TERYT TERC): the voivodeship, the county, a city or a gmina." })
export class TerritorialUnitRef {
  @Field({ description: "TERYT TERC code: 2 digits voivodeship, 4 county, 7 gmina." })
  code!: string;
}

export const partnerRef = (id: string): PartnerRef => ({ id });
export const unitRef = (code: string): TerritorialUnitRef => ({ code });

/** Reference resolvers for the stubs: the key is all a subgraph holds. */
export const referenceStubs = {
  Partner: { __resolveReference: (ref: { id: string }) => partnerRef(ref.id) },
  TerritorialUnit: { __resolveReference: (ref: { code: string }) => unitRef(ref.code) },
};
