// Written by `pnpm migration:create`: the migrations in the order they apply.
import type { MigrationObject } from "@mikro-orm/core";
import { Migration20261125172607_initial as M0 } from "./migration-20261125172607-initial.js";
import { Migration20261125180250_audit as M1 } from "./migration-20261125180250-audit.js";
import { Migration20261203145241_vocabularies_2025 as M2 } from "./migration-20261203145241-vocabularies_2025.js";
import { Migration20261203150848_esf_plus_records as M3 } from "./migration-20261203150848-esf_plus_records.js";
import { Migration20261208044301_instruments as M4 } from "./migration-20261208044301-instruments.js";
import { Migration20261208050016_call_instruments as M5 } from "./migration-20261208050016-call_instruments.js";

export const migrations: MigrationObject[] = [
  { name: "migration-20261125172607-initial", class: M0 },
  { name: "migration-20261125180250-audit", class: M1 },
  { name: "migration-20261203145241-vocabularies_2025", class: M2 },
  { name: "migration-20261203150848-esf_plus_records", class: M3 },
  { name: "migration-20261208044301-instruments", class: M4 },
  { name: "migration-20261208050016-call_instruments", class: M5 },
];
