import type { HubContext, Identity } from "../context.js";
import { HubError } from "../errors.js";

/**
 * Authorization inside the subgraphs: the gateway's checks are not the only
 * line. Anonymous callers get UNAUTHENTICATED, the wrong caller FORBIDDEN.
 */
export function requireSignedIn(ctx: Pick<HubContext, "identity">): Exclude<Identity, { kind: "anonymous" }> {
  if (ctx.identity.kind === "anonymous") throw new HubError("UNAUTHENTICATED", "Sign in to do this: send a bearer token");
  return ctx.identity;
}

/** The caller acts for this partner (a partner's user). */
export function requirePartner(ctx: Pick<HubContext, "identity">, partnerId: string): void {
  const identity = requireSignedIn(ctx);
  if (identity.kind !== "partner" || identity.partnerId !== partnerId) {
    throw new HubError("FORBIDDEN", "Only the partner that owns this record may change it", { owner: partnerId });
  }
}

/** The caller acts for some partner; returns that partner's id. */
export function callerPartnerId(ctx: Pick<HubContext, "identity">): string {
  const identity = requireSignedIn(ctx);
  if (identity.kind !== "partner") throw new HubError("FORBIDDEN", "Only a partner's user may do this");
  return identity.partnerId;
}

export function requireCoordinator(ctx: Pick<HubContext, "identity">): void {
  const identity = requireSignedIn(ctx);
  if (identity.kind !== "coordinator") throw new HubError("FORBIDDEN", "Only the partnership's coordinator may do this");
}

/** True when the caller holds records of this partner (personal data is visible to the holder only). */
export function isHolder(ctx: Pick<HubContext, "identity">, partnerId: string): boolean {
  return ctx.identity.kind === "partner" && ctx.identity.partnerId === partnerId;
}

/**
 * type-graphql's auth checker: `@Authorized()` needs a signed-in caller,
 * `@Authorized("partner")` a partner's user, `@Authorized("coordinator")` the
 * coordinator. It runs before the resolver, so authentication and role come
 * before validation and before any lookup; ownership is checked in the
 * resolver (requirePartner).
 */
// An arrow function: type-graphql would instantiate a `function` as an auth-checker class.
export const hubAuthChecker = ({ context }: { context: Pick<HubContext, "identity"> }, roles: string[]): boolean => {
  const identity = requireSignedIn(context);
  if (roles.length === 0 || roles.includes(identity.kind)) return true;
  throw new HubError("FORBIDDEN", `This needs the ${roles.join(" or ")} role`, { roles });
};
