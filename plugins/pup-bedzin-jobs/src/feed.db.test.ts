import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityManager } from "@mikro-orm/postgresql";
import { migrate, openOrm, runSeedOnce, type OrmHandle } from "@bdp/kit/server";
import { parseOfferFeed } from "@bdp/kit/plugin";
import { definition } from "./definition.js";
import { offerFeed } from "./feed.js";
import { manifest } from "./manifest.js";

/** The offer feed, from the plugin's own seeded database (PGlite in memory): the shape the catalogue takes. */
let db: OrmHandle;
beforeAll(async () => {
  db = await openOrm({ subgraph: definition.name, entities: definition.entities, migrations: definition.migrations, target: { kind: "pglite-memory" } });
  await migrate(db.orm);
  await runSeedOnce(db.orm.em.fork() as EntityManager, definition.name, definition.seed!);
});
afterAll(async () => {
  await db?.orm.close(true);
});

describe("the offer feed", () => {
  it("lists every seeded offer in the hub's uniform shape, each the owner's", async () => {
    const feed = await offerFeed(db.orm.em.fork() as EntityManager);
    expect(feed.length).toBeGreaterThan(0);
    const parsed = parseOfferFeed({ offers: feed }, manifest.ownerPartnerId);
    expect(parsed.problems).toEqual([]);
    expect(parsed.offers).toHaveLength(feed.length);
  });

  it("would be refused for another partner: the owner is the only publisher", async () => {
    const feed = await offerFeed(db.orm.em.fork() as EntityManager);
    expect(parseOfferFeed({ offers: feed }, "00000000-0000-4000-8000-000000000000").foreign).toBe(feed.length);
  });
});
