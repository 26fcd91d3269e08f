import "reflect-metadata";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Entities owned by the partner register, as other subgraphs and plugins
 * see them: only the key. A subgraph adds its own fields to them with field
 * resolvers (a partner's programmes, a gmina's editions); the gateway fetches
 * the rest from the register.
 *
 * Each subgraph calls this once for classes of its own: type-graphql keeps
 * field resolvers per class in a process-wide store, so a class shared by
 * two subgraphs would carry the fields of both into each schema.
 */
export function referenceTypes() {
  @Directive('@key(fields: "id")')
  @ObjectType("Partner", { description: "An organisation or person that signed the partnership declaration (sygnatariusz porozumienia)." })
  class PartnerRef {
    @Field(() => ID, { description: "Stable identifier (UUID)." })
    id!: string;
  }

  @Directive('@key(fields: "code")')
  @ObjectType("TerritorialUnit", { description: "A unit of the territory (TERYT TERC): the voivodeship, the county, a city or a gmina." })
  class TerritorialUnitRef {
    @Field({ description: "TERYT TERC code: 2 digits voivodeship, 4 county, 7 gmina." })
    code!: string;
  }

  return { PartnerRef, TerritorialUnitRef };
}

/** The shape of a Partner reference: its key. */
export interface PartnerRef {
  id: string;
}

/** The shape of a TerritorialUnit reference: its key. */
export interface TerritorialUnitRef {
  code: string;
}

export const partnerRef = (id: string): PartnerRef => ({ id });
export const unitRef = (code: string): TerritorialUnitRef => ({ code });

/** Reference resolvers for the stubs: the key is all a subgraph holds. */
export const referenceStubs = {
  Partner: { __resolveReference: (ref: { id: string }) => partnerRef(ref.id) },
  TerritorialUnit: { __resolveReference: (ref: { code: string }) => unitRef(ref.code) },
};
