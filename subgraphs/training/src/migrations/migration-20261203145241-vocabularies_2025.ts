import { Migration } from '@mikro-orm/migrations';

export class Migration20261203145241_vocabularies_2025 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "training_programme" drop constraint if exists "training_programme_form_check";`);

    this.addSql(`alter table "enrolment" drop constraint if exists "enrolment_age_band_check";`);

    this.addSql(`alter table "training_programme" add constraint "training_programme_form_check" check("form" in ('TRAINING', 'TRAINEESHIP', 'INTERVENTION_WORKS', 'PUBLIC_WORKS', 'START_UP_GRANT', 'WORKSTATION_EQUIPMENT_REFUND', 'TRAINING_VOUCHER', 'LIFELONG_LEARNING_VOUCHER', 'EDUCATION_LOAN', 'WAGE_SUBSIDY_50_PLUS', 'KFS_EMPLOYER_TRAINING', 'JOB_PLACEMENT', 'CAREER_GUIDANCE'));`);

    this.addSql(`alter table "enrolment" add constraint "enrolment_age_band_check" check("age_band" in ('AGE_UNDER_18', 'AGE_18_24', 'AGE_25_29', 'AGE_30_49', 'AGE_50_54', 'AGE_55_59', 'AGE_60_PLUS', 'AGE_30_44', 'AGE_45_54', 'AGE_55_64', 'AGE_65_PLUS'));`);

    // issue #16: bands of the earlier split that lie inside one new band move to it; 45–54 and
    // 55–64 straddle 50 and 60 and stay as they are (legacy values, refused on new records)
    this.addSql(`update "enrolment" set "age_band" = 'AGE_30_49' where "age_band" = 'AGE_30_44';`);

    this.addSql(`update "enrolment" set "age_band" = 'AGE_60_PLUS' where "age_band" = 'AGE_65_PLUS';`);
  }

  override async down(): Promise<void> {
    this.addSql(`do $$ begin if exists (select 1 from "enrolment" where "age_band" in ('AGE_UNDER_18', 'AGE_30_49', 'AGE_50_54', 'AGE_55_59', 'AGE_60_PLUS')) then raise exception 'age bands of the 2025 split are stored: they have no value in the earlier one'; end if; end $$;`);

    this.addSql(`alter table "enrolment" drop constraint if exists "enrolment_age_band_check";`);

    this.addSql(`alter table "training_programme" drop constraint if exists "training_programme_form_check";`);

    this.addSql(`alter table "enrolment" add constraint "enrolment_age_band_check" check("age_band" in ('AGE_18_24', 'AGE_25_29', 'AGE_30_44', 'AGE_45_54', 'AGE_55_64', 'AGE_65_PLUS'));`);

    this.addSql(`alter table "training_programme" add constraint "training_programme_form_check" check("form" in ('TRAINING', 'TRAINEESHIP', 'INTERVENTION_WORKS', 'PUBLIC_WORKS', 'START_UP_GRANT', 'WORKSTATION_EQUIPMENT_REFUND', 'TRAINING_VOUCHER', 'LIFELONG_LEARNING_VOUCHER', 'EDUCATION_LOAN', 'WAGE_SUBSIDY_50_PLUS', 'KFS_EMPLOYER_TRAINING'));`);
  }

}
