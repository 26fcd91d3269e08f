import { Migration } from '@mikro-orm/migrations';

export class Migration20261207221617_membership_webhooks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "membership_change" ("id" uuid not null, "partner_id" uuid not null, "status" text check ("status" in ('ACTIVE', 'SUSPENDED', 'WITHDRAWN')) not null, "on" date not null, "reason" text not null, "decision_reference" varchar(100) null, "recorded_at" timestamptz not null, constraint "membership_change_pkey" primary key ("id"));`);
    this.addSql(`create index "membership_change_partner_id_on_recorded_at_index" on "membership_change" ("partner_id", "on", "recorded_at");`);

    this.addSql(`create table "outbox_event" ("id" uuid not null, "type" varchar(60) not null, "occurred_at" timestamptz not null, "subject_type" varchar(60) not null, "subject_id" uuid not null, "public" boolean not null default false, "partner_ids" text[] not null, "title" text not null, "data" jsonb not null, "dispatched_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_public_occurred_at_index" on "outbox_event" ("public", "occurred_at");`);
    this.addSql(`create index "outbox_event_dispatched_at_occurred_at_index" on "outbox_event" ("dispatched_at", "occurred_at");`);

    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "subscription_id" uuid not null, "event_id" uuid not null, "event_type" text check ("event_type" in ('APPLICATION_DECIDED', 'PARTNER_JOINED', 'PARTNER_WITHDREW', 'PARTNER_SUSPENDED', 'PARTNER_REINSTATED')) not null, "status" text check ("status" in ('PENDING', 'DELIVERED', 'FAILED')) not null default 'PENDING', "attempts" int not null default 0, "created_at" timestamptz not null, "next_attempt_at" timestamptz not null, "last_attempt_at" timestamptz null, "last_response_status" int null, "last_error" varchar(300) null, "delivered_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_subscription_id_created_at_index" on "webhook_delivery" ("subscription_id", "created_at");`);
    this.addSql(`create index "webhook_delivery_status_next_attempt_at_index" on "webhook_delivery" ("status", "next_attempt_at");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_subscription_id_event_id_unique" unique ("subscription_id", "event_id");`);

    this.addSql(`create table "webhook_subscription" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "partner_id" uuid not null, "url" varchar(500) not null, "events" text[] not null, "description" varchar(200) null, "active" boolean not null default true, "secret" varchar(100) not null, constraint "webhook_subscription_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_subscription_partner_id_index" on "webhook_subscription" ("partner_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "membership_change" cascade;`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "webhook_subscription" cascade;`);
  }

}
