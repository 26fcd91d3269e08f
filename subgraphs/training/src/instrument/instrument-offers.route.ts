import type { EntityManager } from "@mikro-orm/postgresql";
import { isoDay, signedPostRoute, stableId, today, type OrmHandle, type Route, type SubgraphServices } from "@bdp/kit/server";
import { OfferKind, territorialUnit } from "@bdp/kit/domain";
import type { OfferFeedItem } from "@bdp/kit/plugin";
import { InstrumentCall } from "./instrument.entity.js";

/** Where the offers catalogue reads the labour offices' calls as offers (`INSTRUMENT_OFFERS_PATH` on the training subgraph). */
export const INSTRUMENT_OFFERS_PATH = "/internal/instrument-offers";

/** The one unit a call's gminas share (their county or city), or its first gmina when they are of several. */
function placeOf(codes: readonly string[]): string {
  const parents = new Set(codes.map((c) => territorialUnit(c)?.parent ?? c));
  return codes.length > 1 && parents.size === 1 ? [...parents][0]! : codes[0]!;
}

/** A call as the catalogue's uniform offer (kind FUNDING_CALL): where, for whom, when, how much at most, and how to apply. */
export function callOffer(call: InstrumentCall): OfferFeedItem {
  return {
    id: stableId(`instrument-offer:${call.id}`),
    kind: OfferKind.FUNDING_CALL,
    title: call.title,
    description: `${call.description ? `${call.description}\n` : ""}Nabór ${call.reference}: do ${call.capPerAgreement} zł na umowę, ${call.budget} zł w naborze.`.slice(0, 5000),
    partnerId: call.providerId,
    municipalityCode: placeOf(call.municipalityCodes),
    targetGroups: call.targetGroups,
    validFrom: isoDay(call.opensOn)!,
    validThrough: isoDay(call.closesOn),
    places: null,
    howToApply: `Wniosek w urzędzie pracy lub przez praca.gov.pl, z numerem naboru ${call.reference}.`,
    occupationCode: null,
    url: null,
    salary: null,
    contractType: null,
    workingTime: null,
    requirements: null,
    accessibility: null,
  };
}

/**
 * The labour offices' calls still to come or open, as offers of kind
 * FUNDING_CALL (issue #16, item 2: calls published as offers). The offers
 * catalogue reads it as it reads a plugin's feed, signed with the hub's key
 * for the `training` audience.
 */
export function instrumentOffersRoute(db: OrmHandle, service: SubgraphServices): Route {
  return signedPostRoute(service, {
    path: INSTRUMENT_OFFERS_PATH,
    audience: "training",
    bodyLimit: 10_000,
    expects: "POST to read the calls as offers",
    refusal: "The calls' feed is for the hub's offers catalogue only",
    parse: () => null,
    handle: async () => {
      const calls = await (db.orm.em.fork() as EntityManager).find(InstrumentCall, { closesOn: { $gte: today() } }, { orderBy: { closesOn: "asc", id: "asc" }, limit: 1000 });
      return { offers: calls.map(callOffer) };
    },
  });
}
