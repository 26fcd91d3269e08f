import { Migration } from '@mikro-orm/migrations';

export class Migration20261203145250_vocabularies_2025 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "activation_participant" drop constraint if exists "activation_participant_age_band_check";`);

    this.addSql(`alter table "activation_participant" add constraint "activation_participant_age_band_check" check("age_band" in ('AGE_UNDER_18', 'AGE_18_24', 'AGE_25_29', 'AGE_30_49', 'AGE_50_54', 'AGE_55_59', 'AGE_60_PLUS', 'AGE_30_44', 'AGE_45_54', 'AGE_55_64', 'AGE_65_PLUS'));`);

    // issue #16: bands of the earlier split that lie inside one new band move to it; 45–54 and
    // 55–64 straddle 50 and 60 and stay as they are (legacy values, refused on new records)
    this.addSql(`update "activation_participant" set "age_band" = 'AGE_30_49' where "age_band" = 'AGE_30_44';`);

    this.addSql(`update "activation_participant" set "age_band" = 'AGE_60_PLUS' where "age_band" = 'AGE_65_PLUS';`);
  }

  override async down(): Promise<void> {
    this.addSql(`do $$ begin if exists (select 1 from "activation_participant" where "age_band" in ('AGE_UNDER_18', 'AGE_30_49', 'AGE_50_54', 'AGE_55_59', 'AGE_60_PLUS')) then raise exception 'age bands of the 2025 split are stored: they have no value in the earlier one'; end if; end $$;`);

    this.addSql(`alter table "activation_participant" drop constraint if exists "activation_participant_age_band_check";`);

    this.addSql(`alter table "activation_participant" add constraint "activation_participant_age_band_check" check("age_band" in ('AGE_18_24', 'AGE_25_29', 'AGE_30_44', 'AGE_45_54', 'AGE_55_64', 'AGE_65_PLUS'));`);
  }

}
