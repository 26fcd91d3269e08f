import type { IncomingMessage } from "node:http";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { Logger } from "./logger.js";

/**
 * Who is calling. The foundation only knows anonymous callers; verified
 * identities (partner, analyst, coordinator) arrive with gateway-signed
 * headers (issue #3) and will be filled in here.
 */
export type Identity =
  | { kind: "anonymous" }
  | { kind: "partner"; userId: string; partnerId: string }
  | { kind: "analyst"; userId: string }
  | { kind: "coordinator"; userId: string };

/** What a subgraph may ask the partner register about a partner (register.ts asks). */
export interface RegisterPartner {
  id: string;
  sector: string;
  status: string;
}

export type RegisterLookup = (partnerId: string) => Promise<RegisterPartner | null>;

/** What every resolver of every subgraph gets. */
export interface HubContext<Loaders = unknown> {
  /** A fork of the ORM's EntityManager for this request alone. */
  em: EntityManager;
  /** Per-request DataLoaders: created with the context, never shared. */
  loaders: Loaders;
  /** Carried from the gateway in `x-request-id`, or made here. */
  requestId: string;
  identity: Identity;
  log: Logger;
  req: IncomingMessage;
  /** Asks the partner register about a partner; undefined when the subgraph was started without `registerUrl`. */
  register?: RegisterLookup;
  /** Told by the write pipeline once a write of this request is committed (read replicas: the caller is told where it wrote). */
  afterCommit?: () => void;
}
