// Written by `pnpm migration:create`: the migrations in the order they apply.
import type { MigrationObject } from "@mikro-orm/core";
import { Migration20261125172245_initial as M0 } from "./migration-20261125172245-initial.js";
import { Migration20261125180551_audit as M1 } from "./migration-20261125180551-audit.js";
import { Migration20261201171128_social_partner_sectors as M2 } from "./migration-20261201171128-social_partner_sectors.js";
import { Migration20261207221617_membership_webhooks as M3 } from "./migration-20261207221617-membership_webhooks.js";
import { Migration20261207224646_activity_area as M4 } from "./migration-20261207224646-activity_area.js";
import { Migration20261208020658_bodies_decisions as M5 } from "./migration-20261208020658-bodies_decisions.js";
import { Migration20261208025350_relayed_events as M6 } from "./migration-20261208025350-relayed_events.js";
import { Migration20261208031235_deadline_events as M7 } from "./migration-20261208031235-deadline_events.js";
import { Migration20261208042218_offer_published_event as M8 } from "./migration-20261208042218-offer_published_event.js";
import { Migration20261208042837_resolution_effects as M9 } from "./migration-20261208042837-resolution_effects.js";
import { Migration20261208052021_registries as M10 } from "./migration-20261208052021-registries.js";
import { Migration20261208052513_competences as M11 } from "./migration-20261208052513-competences.js";

export const migrations: MigrationObject[] = [
  { name: "migration-20261125172245-initial", class: M0 },
  { name: "migration-20261125180551-audit", class: M1 },
  { name: "migration-20261201171128-social_partner_sectors", class: M2 },
  { name: "migration-20261207221617-membership_webhooks", class: M3 },
  { name: "migration-20261207224646-activity_area", class: M4 },
  { name: "migration-20261208020658-bodies_decisions", class: M5 },
  { name: "migration-20261208025350-relayed_events", class: M6 },
  { name: "migration-20261208031235-deadline_events", class: M7 },
  { name: "migration-20261208042218-offer_published_event", class: M8 },
  { name: "migration-20261208042837-resolution_effects", class: M9 },
  { name: "migration-20261208052021-registries", class: M10 },
  { name: "migration-20261208052513-competences", class: M11 },
];
