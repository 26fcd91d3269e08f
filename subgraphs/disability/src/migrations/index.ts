// Written by `pnpm migration:create`: the migrations in the order they apply.
import type { MigrationObject } from "@mikro-orm/core";
import { Migration20261125172827_initial as M0 } from "./migration-20261125172827-initial.js";
import { Migration20261125181057_audit as M1 } from "./migration-20261125181057-audit.js";
import { Migration20261127143309_employer_sector as M2 } from "./migration-20261127143309-employer_sector.js";
import { Migration20261203145250_vocabularies_2025 as M3 } from "./migration-20261203145250-vocabularies_2025.js";
import { Migration20261208050714_esf_plus_records as M4 } from "./migration-20261208050714-esf_plus_records.js";
import { Migration20261208053106_pfron_instruments as M5 } from "./migration-20261208053106-pfron_instruments.js";
import { Migration20261208054256_job_place_detail as M6 } from "./migration-20261208054256-job_place_detail.js";

export const migrations: MigrationObject[] = [
  { name: "migration-20261125172827-initial", class: M0 },
  { name: "migration-20261125181057-audit", class: M1 },
  { name: "migration-20261127143309-employer_sector", class: M2 },
  { name: "migration-20261203145250-vocabularies_2025", class: M3 },
  { name: "migration-20261208050714-esf_plus_records", class: M4 },
  { name: "migration-20261208053106-pfron_instruments", class: M5 },
  { name: "migration-20261208054256-job_place_detail", class: M6 },
];
