// Written by `pnpm migration:create`: the migrations in the order they apply.
import type { MigrationObject } from "@mikro-orm/core";
import { Migration20261127125815_initial as M0 } from "./migration-20261127125815-initial.js";
import { Migration20261201143212_plugin_registry as M1 } from "./migration-20261201143212-plugin_registry.js";
import { Migration20261201162025_trusted_documents as M2 } from "./migration-20261201162025-trusted_documents.js";
import { Migration20261201163922_schema_usage as M3 } from "./migration-20261201163922-schema_usage.js";
import { Migration20261201164455_schema_change_approval as M4 } from "./migration-20261201164455-schema_change_approval.js";
import { Migration20261201170553_richer_offers as M5 } from "./migration-20261201170553-richer_offers.js";
import { Migration20261208042140_outbox as M6 } from "./migration-20261208042140-outbox.js";

export const migrations: MigrationObject[] = [
  { name: "migration-20261127125815-initial", class: M0 },
  { name: "migration-20261201143212-plugin_registry", class: M1 },
  { name: "migration-20261201162025-trusted_documents", class: M2 },
  { name: "migration-20261201163922-schema_usage", class: M3 },
  { name: "migration-20261201164455-schema_change_approval", class: M4 },
  { name: "migration-20261201170553-richer_offers", class: M5 },
  { name: "migration-20261208042140-outbox", class: M6 },
];
