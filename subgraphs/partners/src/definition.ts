import { AuditEntry, OutboxEvent, OutboxRetention, retentionDays, type SubgraphDefinition } from "@bdp/kit/server";
import { PluginAddressPolicy } from "@bdp/kit/plugin";
import { Partner } from "./partner/partner.entity.js";
import { Representative } from "./representative/representative.entity.js";
import { AccessionApplication } from "./application/application.entity.js";
import { MembershipChange } from "./membership/membership.entity.js";
import { AgendaItem, Body, BodyMember, Meeting, Resolution, ResolutionVote } from "./governance/governance.entity.js";
import { WebhookDelivery, WebhookSubscription } from "./webhook/webhook.entity.js";
import { REGISTER_PRUNING, WebhookDispatcher, webhookSettings } from "./webhook/dispatcher.js";
import { relayRoute } from "./webhook/relay.route.js";
import { effectsRoute } from "./governance/effects.route.js";
import { createLoaders, type Loaders } from "./loaders.js";
import { buildSchema } from "./schema.js";
import { migrations } from "./migrations/index.js";
import { generate, seed } from "./seed.js";

/** The partner register: partners, their representatives, applications to join, membership, the territory, and partners' webhooks. */
export const definition: SubgraphDefinition<Loaders> = {
  name: "partners",
  defaultPort: 4001,
  entities: [Partner, Representative, AccessionApplication, MembershipChange, Body, BodyMember, Meeting, AgendaItem, Resolution, ResolutionVote, WebhookSubscription, WebhookDelivery, AuditEntry, OutboxEvent],
  migrations,
  buildSchema,
  createLoaders,
  seed,
  generate,
  // the other subgraphs' events come in here, to be delivered with the register's own
  routes: (db, service) => [relayRoute(db, service), effectsRoute(db, service)],
  // the register's events go out to partners' webhooks (issue #15)
  background(db, service) {
    const policy = service.webhookPolicy ?? new PluginAddressPolicy((service.env.WEBHOOK_ALLOWED_ADDRESSES ?? "").split(","));
    const dispatcher = new WebhookDispatcher(db.orm.em.fork() as never, policy, webhookSettings(service.env), service.log.child({ component: "webhooks" })).start();
    const retention = new OutboxRetention(db.orm.em.fork() as never, REGISTER_PRUNING, retentionDays(service.env), service.log.child({ component: "retention" })).start();
    return async () => {
      await retention.stop();
      await dispatcher.stop();
    };
  },
};
