// Written by `pnpm migration:create`: the migrations in the order they apply.
import type { MigrationObject } from "@mikro-orm/core";
import { Migration20261127130115_initial as M0 } from "./migration-20261127130115-initial.js";
import { Migration20261127130445_details as M1 } from "./migration-20261127130445-details.js";

export const migrations: MigrationObject[] = [
  { name: "migration-20261127130115-initial", class: M0 },
  { name: "migration-20261127130445-details", class: M1 },
];
