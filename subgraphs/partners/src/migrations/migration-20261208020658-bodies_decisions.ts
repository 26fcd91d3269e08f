import { Migration } from '@mikro-orm/migrations';

export class Migration20261208020658_bodies_decisions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "body" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "kind" text check ("kind" in ('COUNCIL', 'WORKING_GROUP')) not null, "description" text null, "quorum" text check ("quorum" in ('HALF', 'TWO_THIRDS')) not null, "majority" text check ("majority" in ('SIMPLE', 'ABSOLUTE', 'TWO_THIRDS')) not null, "powers" text[] not null, "established_on" date not null, constraint "body_pkey" primary key ("id"));`);
    this.addSql(`alter table "body" add constraint "body_name_unique" unique ("name");`);

    this.addSql(`create table "body_member" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "body_id" uuid not null, "partner_id" uuid not null, "role" text check ("role" in ('CHAIR', 'VICE_CHAIR', 'MEMBER')) not null, "representative" varchar(200) null, "term_from" date not null, "term_to" date null, constraint "body_member_pkey" primary key ("id"));`);
    this.addSql(`create index "body_member_body_id_index" on "body_member" ("body_id");`);
    this.addSql(`create index "body_member_body_id_partner_id_index" on "body_member" ("body_id", "partner_id");`);

    this.addSql(`create table "meeting" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "body_id" uuid not null, "number" smallint not null, "held_on" date not null, "place" varchar(300) not null, "status" text check ("status" in ('CALLED', 'HELD', 'CANCELLED')) not null default 'CALLED', "present_partner_ids" text[] not null, "minutes" text null, constraint "meeting_pkey" primary key ("id"));`);
    this.addSql(`create index "meeting_body_id_index" on "meeting" ("body_id");`);
    this.addSql(`create index "meeting_held_on_index" on "meeting" ("held_on");`);
    this.addSql(`alter table "meeting" add constraint "meeting_body_id_number_unique" unique ("body_id", "number");`);

    this.addSql(`create table "agenda_item" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "meeting_id" uuid not null, "ordinal" smallint not null, "title" varchar(300) not null, "subject_type" text check ("subject_type" in ('APPLICATION', 'PARTNER', 'ISSUE', 'CONSULTATION', 'INITIATIVE', 'STRATEGY', 'OTHER')) not null, "subject_id" uuid null, constraint "agenda_item_pkey" primary key ("id"));`);
    this.addSql(`create index "agenda_item_meeting_id_index" on "agenda_item" ("meeting_id");`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_meeting_id_ordinal_unique" unique ("meeting_id", "ordinal");`);

    this.addSql(`create table "resolution" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "body_id" uuid not null, "meeting_id" uuid not null, "agenda_item_id" uuid null, "number" varchar(40) not null, "title" varchar(300) not null, "reasons" text not null, "effect" text check ("effect" in ('NONE', 'ADMIT_APPLICANT', 'REJECT_APPLICANT', 'SUSPEND_PARTNER', 'REINSTATE_PARTNER')) not null, "subject_id" uuid null, "members_total" smallint not null, "members_present" smallint not null, "votes_for" smallint not null, "votes_against" smallint not null, "abstentions" smallint not null, "adopted" boolean not null, constraint "resolution_pkey" primary key ("id"));`);
    this.addSql(`create index "resolution_body_id_index" on "resolution" ("body_id");`);
    this.addSql(`create index "resolution_meeting_id_index" on "resolution" ("meeting_id");`);
    this.addSql(`alter table "resolution" add constraint "resolution_body_id_number_unique" unique ("body_id", "number");`);

    this.addSql(`create table "resolution_vote" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "resolution_id" uuid not null, "partner_id" uuid not null, "choice" text check ("choice" in ('FOR', 'AGAINST', 'ABSTAIN')) not null, constraint "resolution_vote_pkey" primary key ("id"));`);
    this.addSql(`create index "resolution_vote_resolution_id_index" on "resolution_vote" ("resolution_id");`);
    this.addSql(`alter table "resolution_vote" add constraint "resolution_vote_resolution_id_partner_id_unique" unique ("resolution_id", "partner_id");`);

    this.addSql(`alter table "body_member" add constraint "body_member_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "meeting" add constraint "meeting_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "agenda_item" add constraint "agenda_item_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "resolution" add constraint "resolution_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "resolution" add constraint "resolution_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "resolution" add constraint "resolution_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "resolution_vote" add constraint "resolution_vote_resolution_id_foreign" foreign key ("resolution_id") references "resolution" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "webhook_delivery" drop constraint if exists "webhook_delivery_event_type_check";`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_type_check" check("event_type" in ('APPLICATION_DECIDED', 'PARTNER_JOINED', 'PARTNER_WITHDREW', 'PARTNER_SUSPENDED', 'PARTNER_REINSTATED', 'MEETING_CALLED', 'RESOLUTION_ADOPTED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "body_member" drop constraint "body_member_body_id_foreign";`);

    this.addSql(`alter table "meeting" drop constraint "meeting_body_id_foreign";`);

    this.addSql(`alter table "resolution" drop constraint "resolution_body_id_foreign";`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_meeting_id_foreign";`);

    this.addSql(`alter table "resolution" drop constraint "resolution_meeting_id_foreign";`);

    this.addSql(`alter table "resolution" drop constraint "resolution_agenda_item_id_foreign";`);

    this.addSql(`alter table "resolution_vote" drop constraint "resolution_vote_resolution_id_foreign";`);

    this.addSql(`drop table if exists "body" cascade;`);

    this.addSql(`drop table if exists "body_member" cascade;`);

    this.addSql(`drop table if exists "meeting" cascade;`);

    this.addSql(`drop table if exists "agenda_item" cascade;`);

    this.addSql(`drop table if exists "resolution" cascade;`);

    this.addSql(`drop table if exists "resolution_vote" cascade;`);

    this.addSql(`alter table "webhook_delivery" drop constraint if exists "webhook_delivery_event_type_check";`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_type_check" check("event_type" in ('APPLICATION_DECIDED', 'PARTNER_JOINED', 'PARTNER_WITHDREW', 'PARTNER_SUSPENDED', 'PARTNER_REINSTATED'));`);
  }

}
