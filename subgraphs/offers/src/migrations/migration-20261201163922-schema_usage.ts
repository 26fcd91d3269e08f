import { Migration } from '@mikro-orm/migrations';

export class Migration20261201163922_schema_usage extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "schema_usage" ("day" date not null, "client" varchar(60) not null, "coordinate" varchar(300) not null, "requests" int not null, constraint "schema_usage_pkey" primary key ("day", "client", "coordinate"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "schema_usage" cascade;`);
  }

}
