import { AuditEntry, type SubgraphDefinition } from "@bdp/kit/server";
import { Partner } from "./partner/partner.entity.js";
import { Representative } from "./representative/representative.entity.js";
import { AccessionApplication } from "./application/application.entity.js";
import { createLoaders, type Loaders } from "./loaders.js";
import { buildSchema } from "./schema.js";
import { migrations } from "./migrations/index.js";
import { generate, seed } from "./seed.js";

/** The partner register: partners, their representatives, applications to join, and the territory. */
export const definition: SubgraphDefinition<Loaders> = {
  name: "partners",
  defaultPort: 4001,
  entities: [Partner, Representative, AccessionApplication, AuditEntry],
  migrations,
  buildSchema,
  createLoaders,
  seed,
  generate,
};
