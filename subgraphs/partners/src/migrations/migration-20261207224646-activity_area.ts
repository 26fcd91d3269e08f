import { Migration } from '@mikro-orm/migrations';

/** Where partners and applicants act (issue #15): their seat's gmina until they say more. */
export class Migration20261207224646_activity_area extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "accession_application" add column "activity_area" text[] not null default '{}';`);
    this.addSql(`update "accession_application" set "activity_area" = array["municipality_code"]::text[];`);
    this.addSql(`alter table "accession_application" alter column "activity_area" drop default;`);

    this.addSql(`alter table "partner" add column "activity_area" text[] not null default '{}';`);
    this.addSql(`update "partner" set "activity_area" = array["municipality_code"]::text[];`);
    this.addSql(`alter table "partner" alter column "activity_area" drop default;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "accession_application" drop column "activity_area";`);

    this.addSql(`alter table "partner" drop column "activity_area";`);
  }

}
