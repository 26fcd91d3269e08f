import { Migration } from '@mikro-orm/migrations';

export class Migration20261127130115_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "ckz_bedzin_courses_offer" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" text not null, "title" varchar(300) not null, "description" text null, "municipality_code" varchar(7) not null, "target_groups" text[] not null, "valid_from" date not null, "valid_through" date null, "places" int null, "how_to_apply" text not null, "occupation_code" varchar(6) null, "schedule" varchar(300) null, "free_of_charge" boolean not null, "contact_person" varchar(200) null, constraint "ckz_bedzin_courses_offer_pkey" primary key ("id"));`);
    this.addSql(`create index "ckz_bedzin_courses_offer_valid_from_id_index" on "ckz_bedzin_courses_offer" ("valid_from", "id");`);
  }

}
