import { Migration } from '@mikro-orm/migrations';

export class Migration20261201170553_richer_offers extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "offer" add column "salary_min" numeric(12,2) null, add column "salary_max" numeric(12,2) null, add column "salary_currency" varchar(3) null, add column "salary_period" text null, add column "contract_type" text null, add column "working_time" text null, add column "requirements" text null, add column "accessibility" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "offer" drop column "salary_min", drop column "salary_max", drop column "salary_currency", drop column "salary_period", drop column "contract_type", drop column "working_time", drop column "requirements", drop column "accessibility";`);
  }

}
