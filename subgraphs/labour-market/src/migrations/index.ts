// Written by `pnpm migration:create`: the migrations in the order they apply.
import type { MigrationObject } from "@mikro-orm/core";
import { Migration20261125173149_initial as M0 } from "./migration-20261125173149-initial.js";
import { Migration20261125181416_audit as M1 } from "./migration-20261125181416-audit.js";
import { Migration20261208014826_project_money as M2 } from "./migration-20261208014826-project_money.js";
import { Migration20261208022351_funding_calls as M3 } from "./migration-20261208022351-funding_calls.js";
import { Migration20261208024225_indicator_goals as M4 } from "./migration-20261208024225-indicator_goals.js";
import { Migration20261208025345_outbox as M5 } from "./migration-20261208025345-outbox.js";
import { Migration20261208042928_resolution_effects as M6 } from "./migration-20261208042928-resolution_effects.js";
import { Migration20261208043325_partner_sector as M7 } from "./migration-20261208043325-partner_sector.js";

export const migrations: MigrationObject[] = [
  { name: "migration-20261125173149-initial", class: M0 },
  { name: "migration-20261125181416-audit", class: M1 },
  { name: "migration-20261208014826-project_money", class: M2 },
  { name: "migration-20261208022351-funding_calls", class: M3 },
  { name: "migration-20261208024225-indicator_goals", class: M4 },
  { name: "migration-20261208025345-outbox", class: M5 },
  { name: "migration-20261208042928-resolution_effects", class: M6 },
  { name: "migration-20261208043325-partner_sector", class: M7 },
];
