import { Migration } from '@mikro-orm/migrations';

export class Migration20261208042837_resolution_effects extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "resolution" drop constraint if exists "resolution_effect_check";`);

    this.addSql(`alter table "resolution" add column "effect_state" text check ("effect_state" in ('NONE', 'APPLIED', 'PENDING', 'REFUSED')) not null default 'NONE', add column "effect_note" text null, add column "effect_settled_at" timestamptz null;`);
    this.addSql(`alter table "resolution" add constraint "resolution_effect_check" check("effect" in ('NONE', 'ADMIT_APPLICANT', 'REJECT_APPLICANT', 'SUSPEND_PARTNER', 'REINSTATE_PARTNER', 'PUT_ISSUE_ON_AGENDA', 'ADOPT_STRATEGY'));`);
    this.addSql(`create index "resolution_effect_state_index" on "resolution" ("effect_state");`);
    // the effects adopted before were the register's own, taken with their resolutions
    this.addSql(`update "resolution" set "effect_state" = 'APPLIED' where "adopted" and "effect" <> 'NONE';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "resolution" drop constraint if exists "resolution_effect_check";`);

    this.addSql(`drop index "resolution_effect_state_index";`);
    this.addSql(`alter table "resolution" drop column "effect_state", drop column "effect_note", drop column "effect_settled_at";`);

    this.addSql(`alter table "resolution" add constraint "resolution_effect_check" check("effect" in ('NONE', 'ADMIT_APPLICANT', 'REJECT_APPLICANT', 'SUSPEND_PARTNER', 'REINSTATE_PARTNER'));`);
  }

}
