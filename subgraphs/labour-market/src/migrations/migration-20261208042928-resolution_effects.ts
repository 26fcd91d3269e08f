import { Migration } from '@mikro-orm/migrations';

export class Migration20261208042928_resolution_effects extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "applied_resolution" ("resolution_id" uuid not null, "effect" varchar(40) not null, "subject_id" uuid not null, "applied" boolean not null, "note" text not null, "settled_at" timestamptz not null, constraint "applied_resolution_pkey" primary key ("resolution_id"));`);

    this.addSql(`alter table "labour_market_issue" add column "accepted_by" varchar(300) null;`);

    this.addSql(`alter table "strategy" add column "partnership_adoption" varchar(300) null, add column "partnership_adopted_on" date null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "applied_resolution" cascade;`);

    this.addSql(`alter table "labour_market_issue" drop column "accepted_by";`);

    this.addSql(`alter table "strategy" drop column "partnership_adoption", drop column "partnership_adopted_on";`);
  }

}
