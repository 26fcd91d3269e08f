import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityManager } from "@mikro-orm/postgresql";
import { OutboxEvent, OutboxRetention, createLogger, migrate, newId, openOrm, type OrmHandle } from "@bdp/kit/server";
import { REGISTER_PRUNING, WebhookDelivery, WebhookDeliveryStatus, WebhookEventType, definition } from "@bdp/partners";
import { freshTarget } from "./databases.js";

/** The register's outbox and deliveries are pruned after the retention, and nothing still waiting is (issue #15, item 5). */
const { target, drop } = freshTarget("db_outbox_retention");
let db: OrmHandle;
let em: EntityManager;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

beforeAll(async () => {
  db = await openOrm({ subgraph: definition.name, entities: definition.entities, migrations: definition.migrations, target });
  await migrate(db.orm);
  em = db.orm.em.fork() as EntityManager;
}, 120_000);
afterAll(async () => {
  await db?.orm.close(true);
  await drop([definition.name]);
});

describe("the register's retention", () => {
  it("deletes finished deliveries and handed-on private events older than the retention; keeps the news, what waits and what is recent", async () => {
    const event = (key: string, values: { public?: boolean; dispatchedAt: Date | null; occurredAt: Date }) =>
      em.create(OutboxEvent, { id: newId(), type: WebhookEventType.AGREEMENT_PART_PROPOSED, subjectType: "AgreementParticipant", subjectId: newId(), title: key, data: { key }, partnerIds: [newId()], ...values });
    const events = {
      oldPrivate: event("oldPrivate", { dispatchedAt: ago(100), occurredAt: ago(100) }),
      oldPublic: event("oldPublic", { public: true, dispatchedAt: ago(100), occurredAt: ago(100) }),
      oldAwaited: event("oldAwaited", { dispatchedAt: ago(100), occurredAt: ago(100) }),
      recentPrivate: event("recentPrivate", { dispatchedAt: ago(1), occurredAt: ago(1) }),
      neverHandedOn: event("neverHandedOn", { dispatchedAt: null, occurredAt: ago(200) }),
    };
    const delivery = (key: keyof typeof events, status: WebhookDeliveryStatus, at: Date) =>
      em.create(WebhookDelivery, { subscriptionId: newId(), eventId: events[key].id, eventType: WebhookEventType.AGREEMENT_PART_PROPOSED, status, attempts: 1, createdAt: at, nextAttemptAt: at, lastAttemptAt: at, deliveredAt: status === WebhookDeliveryStatus.DELIVERED ? at : null });
    const deliveries = {
      oldDelivered: delivery("oldPrivate", WebhookDeliveryStatus.DELIVERED, ago(100)),
      oldFailed: delivery("oldPublic", WebhookDeliveryStatus.FAILED, ago(95)),
      oldPending: delivery("oldAwaited", WebhookDeliveryStatus.PENDING, ago(100)),
      recentDelivered: delivery("recentPrivate", WebhookDeliveryStatus.DELIVERED, ago(1)),
    };
    await em.flush();

    const retention = new OutboxRetention(em.fork(), REGISTER_PRUNING, 90, createLogger("test", {}, "silent"));
    expect(await retention.prune()).toEqual({ deliveries: 2, events: 1 });
    const left = em.fork();
    expect((await left.find(OutboxEvent, {})).map((e) => e.title).sort()).toEqual(["neverHandedOn", "oldAwaited", "oldPublic", "recentPrivate"]);
    expect((await left.find(WebhookDelivery, {})).map((d) => d.id).sort()).toEqual([deliveries.oldPending.id, deliveries.recentDelivered.id].sort());
    // a second pass finds nothing more
    expect(await retention.prune()).toEqual({ deliveries: 0, events: 0 });
  });
});
