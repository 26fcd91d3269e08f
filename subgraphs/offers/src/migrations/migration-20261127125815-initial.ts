import { Migration } from '@mikro-orm/migrations';

export class Migration20261127125815_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "offer" ("id" uuid not null, "plugin_slug" varchar(40) not null, "partner_id" uuid not null, "kind" text not null, "title" varchar(300) not null, "description" text null, "municipality_code" varchar(7) not null, "target_groups" text[] not null, "valid_from" date not null, "valid_through" date null, "places" int null, "how_to_apply" text not null, "occupation_code" varchar(6) null, "url" varchar(500) null, "refreshed_at" timestamptz not null, constraint "offer_pkey" primary key ("id"));`);
    this.addSql(`create index "offer_plugin_slug_index" on "offer" ("plugin_slug");`);
    this.addSql(`create index "offer_partner_id_index" on "offer" ("partner_id");`);
    this.addSql(`create index "offer_kind_index" on "offer" ("kind");`);
    this.addSql(`create index "offer_municipality_code_index" on "offer" ("municipality_code");`);
    this.addSql(`create index "offer_title_id_index" on "offer" ("title", "id");`);
    this.addSql(`create index "offer_valid_from_id_index" on "offer" ("valid_from", "id");`);

    this.addSql(`create table "plugin_registration" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "slug" varchar(40) not null, "name" varchar(200) not null, "description" text null, "owner_partner_id" uuid not null, "url" varchar(500) not null, "contact" varchar(200) not null, "plugin_version" varchar(40) not null, "sdl" text not null, "last_refresh_at" timestamptz null, "last_refresh_error" text null, "offer_count" int not null default 0, constraint "plugin_registration_pkey" primary key ("id"));`);
    this.addSql(`alter table "plugin_registration" add constraint "plugin_registration_slug_unique" unique ("slug");`);
    this.addSql(`create index "plugin_registration_owner_partner_id_index" on "plugin_registration" ("owner_partner_id");`);
  }

}
