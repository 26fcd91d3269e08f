import { Migration } from '@mikro-orm/migrations';

export class Migration20261208050714_esf_plus_records extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "activation_participant" add column "status_on_entry" text check ("status_on_entry" in ('EMPLOYED', 'UNEMPLOYED', 'LONG_TERM_UNEMPLOYED', 'INACTIVE')) null, add column "education_level" text check ("education_level" in ('ISCED_0_2', 'ISCED_3_4', 'ISCED_5_8')) null, add column "situation_on_leaving" text check ("situation_on_leaving" in ('IN_EMPLOYMENT', 'JOB_SEARCHING', 'IN_EDUCATION_OR_TRAINING', 'OTHER')) null, add column "employed_after6months" boolean null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "activation_participant" drop column "status_on_entry", drop column "education_level", drop column "situation_on_leaving", drop column "employed_after6months";`);
  }

}
