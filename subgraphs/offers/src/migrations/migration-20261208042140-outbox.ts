import { Migration } from '@mikro-orm/migrations';

export class Migration20261208042140_outbox extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "outbox_event" ("id" uuid not null, "type" varchar(60) not null, "occurred_at" timestamptz not null, "subject_type" varchar(60) not null, "subject_id" uuid not null, "public" boolean not null default false, "partner_ids" text[] not null, "title" text not null, "data" jsonb not null, "dispatched_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_public_occurred_at_index" on "outbox_event" ("public", "occurred_at");`);
    this.addSql(`create index "outbox_event_dispatched_at_occurred_at_index" on "outbox_event" ("dispatched_at", "occurred_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outbox_event" cascade;`);
  }

}
