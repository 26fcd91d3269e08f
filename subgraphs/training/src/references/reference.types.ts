import { referenceTypes } from "@bdp/kit/server";

/** This subgraph's own stubs of the register's entities (see kit `referenceTypes`). */
export const { PartnerRef, TerritorialUnitRef } = referenceTypes();
