import { Migration } from '@mikro-orm/migrations';

export class Migration20261125173149_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "labour_market_issue" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "title" varchar(300) not null, "description" text null, "area" text check ("area" in ('PARTNER_UNDERTAKINGS', 'LOCAL_STRATEGIES', 'PROFESSIONAL_DEVELOPMENT', 'COOPERATION', 'FUNDING_AND_TRAINING', 'NEW_EMPLOYMENT_FORMS', 'DISABILITY_ACTIVATION', 'YOUTH_LABOUR_MARKET_ENTRY', 'MEDIA_IMAGE', 'HERITAGE_AND_ENVIRONMENT', 'SOCIAL_PATHOLOGIES')) not null, "affected_groups" text[] not null, "municipality_codes" text[] not null, "status" text check ("status" in ('PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'DROPPED')) not null default 'PROPOSED', "raised_by_id" uuid not null, "raised_on" date not null, constraint "labour_market_issue_pkey" primary key ("id"));`);
    this.addSql(`create index "labour_market_issue_status_index" on "labour_market_issue" ("status");`);
    this.addSql(`create index "labour_market_issue_raised_by_id_index" on "labour_market_issue" ("raised_by_id");`);
    this.addSql(`create index "labour_market_issue_municipality_codes_index" on "labour_market_issue" using gin ("municipality_codes");`);
    this.addSql(`create index "labour_market_issue_title_id_index" on "labour_market_issue" ("title", "id");`);
    this.addSql(`create index "labour_market_issue_raised_on_id_index" on "labour_market_issue" ("raised_on", "id");`);

    this.addSql(`create table "initiative" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "title" varchar(300) not null, "description" text null, "issue_id" uuid null, "mission_areas" text[] not null, "municipality_codes" text[] not null, "starts_on" date not null, "ends_on" date not null, "status" text check ("status" in ('PLANNED', 'RUNNING', 'COMPLETED', 'CANCELLED')) not null default 'PLANNED', "funding_source" text check ("funding_source" in ('LABOUR_FUND', 'KFS', 'PFRON', 'ESF_PLUS', 'LOCAL_GOVERNMENT_BUDGET', 'PARTNER_OWN_FUNDS')) not null, "total_budget" numeric(14,2) not null, "lead_partner_id" uuid not null, constraint "initiative_pkey" primary key ("id"));`);
    this.addSql(`create index "initiative_issue_id_index" on "initiative" ("issue_id");`);
    this.addSql(`create index "initiative_status_index" on "initiative" ("status");`);
    this.addSql(`create index "initiative_lead_partner_id_index" on "initiative" ("lead_partner_id");`);
    this.addSql(`create index "initiative_municipality_codes_index" on "initiative" using gin ("municipality_codes");`);
    this.addSql(`create index "initiative_starts_on_id_index" on "initiative" ("starts_on", "id");`);

    this.addSql(`create table "agreement_participant" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "initiative_id" uuid not null, "partner_id" uuid not null, "role" text check ("role" in ('LEAD', 'PARTNER', 'SUPPORTING')) not null, "tasks" text[] not null, "responsibilities" text not null, "cash_contribution" numeric(14,2) not null, "in_kind_contribution" numeric(14,2) not null, "in_kind_description" text null, "confirmed_on" date null, constraint "agreement_participant_pkey" primary key ("id"));`);
    this.addSql(`create index "agreement_participant_initiative_id_index" on "agreement_participant" ("initiative_id");`);
    this.addSql(`create index "agreement_participant_partner_id_index" on "agreement_participant" ("partner_id");`);
    this.addSql(`alter table "agreement_participant" add constraint "agreement_participant_initiative_id_partner_id_unique" unique ("initiative_id", "partner_id");`);

    this.addSql(`create table "indicator" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "initiative_id" uuid null, "issue_id" uuid null, "code" varchar(20) null, "name" varchar(300) not null, "kind" text check ("kind" in ('OUTPUT', 'RESULT')) not null, "unit" varchar(40) not null, "baseline" numeric(14,2) not null, "target" numeric(14,2) not null, "by_sex" boolean not null, constraint "indicator_pkey" primary key ("id"));`);
    this.addSql(`create index "indicator_initiative_id_index" on "indicator" ("initiative_id");`);
    this.addSql(`create index "indicator_issue_id_index" on "indicator" ("issue_id");`);

    this.addSql(`create table "indicator_measurement" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "indicator_id" uuid not null, "measured_on" date not null, "value" numeric(14,2) not null, "women" numeric(14,2) null, "men" numeric(14,2) null, constraint "indicator_measurement_pkey" primary key ("id"));`);
    this.addSql(`create index "indicator_measurement_indicator_id_index" on "indicator_measurement" ("indicator_id");`);
    this.addSql(`alter table "indicator_measurement" add constraint "indicator_measurement_indicator_id_measured_on_unique" unique ("indicator_id", "measured_on");`);

    this.addSql(`create table "priority_vote" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "issue_id" uuid not null, "partner_id" uuid not null, "priority" smallint not null, "voted_on" date not null, constraint "priority_vote_pkey" primary key ("id"));`);
    this.addSql(`create index "priority_vote_issue_id_index" on "priority_vote" ("issue_id");`);
    this.addSql(`create index "priority_vote_partner_id_index" on "priority_vote" ("partner_id");`);
    this.addSql(`alter table "priority_vote" add constraint "priority_vote_issue_id_partner_id_unique" unique ("issue_id", "partner_id");`);

    this.addSql(`create table "strategy" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "title" varchar(300) not null, "level" text check ("level" in ('MUNICIPAL', 'COUNTY', 'PARTNERSHIP')) not null, "territory_code" varchar(7) not null, "adopted_by_id" uuid not null, "period_start" smallint not null, "period_end" smallint not null, "adopted_on" date not null, "document_url" varchar(500) null, constraint "strategy_pkey" primary key ("id"));`);
    this.addSql(`create index "strategy_territory_code_index" on "strategy" ("territory_code");`);
    this.addSql(`create index "strategy_period_start_id_index" on "strategy" ("period_start", "id");`);

    this.addSql(`create table "consultation" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "subject" varchar(300) not null, "description" text null, "issue_id" uuid null, "strategy_id" uuid null, "organiser_id" uuid not null, "opens_on" date not null, "closes_on" date not null, "status" text check ("status" in ('PLANNED', 'OPEN', 'CLOSED')) not null default 'PLANNED', "outcome" text null, constraint "consultation_pkey" primary key ("id"));`);
    this.addSql(`create index "consultation_issue_id_index" on "consultation" ("issue_id");`);
    this.addSql(`create index "consultation_strategy_id_index" on "consultation" ("strategy_id");`);
    this.addSql(`create index "consultation_opens_on_id_index" on "consultation" ("opens_on", "id");`);

    this.addSql(`create table "consultation_position" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "consultation_id" uuid not null, "partner_id" uuid not null, "stance" text check ("stance" in ('SUPPORT', 'SUPPORT_WITH_AMENDMENTS', 'OPPOSE', 'ABSTAIN')) not null, "statement" text not null, "submitted_on" date not null, constraint "consultation_position_pkey" primary key ("id"));`);
    this.addSql(`create index "consultation_position_consultation_id_index" on "consultation_position" ("consultation_id");`);
    this.addSql(`create index "consultation_position_partner_id_index" on "consultation_position" ("partner_id");`);
    this.addSql(`alter table "consultation_position" add constraint "consultation_position_consultation_id_partner_id_unique" unique ("consultation_id", "partner_id");`);

    this.addSql(`create table "strategy_goal" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "strategy_id" uuid not null, "ordinal" smallint not null, "title" varchar(300) not null, "description" text null, "issue_id" uuid null, constraint "strategy_goal_pkey" primary key ("id"));`);
    this.addSql(`create index "strategy_goal_strategy_id_index" on "strategy_goal" ("strategy_id");`);
    this.addSql(`create index "strategy_goal_issue_id_index" on "strategy_goal" ("issue_id");`);

    this.addSql(`create table "unemployment_statistic" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "territory_code" varchar(7) not null, "year" smallint not null, "month" smallint not null, "registered_unemployed" int not null, "women" int null, "long_term_unemployed" int null, "under30" int null, "over50" int null, "with_disabilities" int null, "rate" numeric(4,1) null, "source" text check ("source" in ('PUP_REPORT', 'GUS_BDL', 'DEMO_ESTIMATE')) not null, constraint "unemployment_statistic_pkey" primary key ("id"));`);
    this.addSql(`create index "unemployment_statistic_territory_code_year_month_id_index" on "unemployment_statistic" ("territory_code", "year", "month", "id");`);
    this.addSql(`alter table "unemployment_statistic" add constraint "unemployment_statistic_territory_code_year_month_unique" unique ("territory_code", "year", "month");`);

    this.addSql(`alter table "initiative" add constraint "initiative_issue_id_foreign" foreign key ("issue_id") references "labour_market_issue" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "agreement_participant" add constraint "agreement_participant_initiative_id_foreign" foreign key ("initiative_id") references "initiative" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "indicator" add constraint "indicator_initiative_id_foreign" foreign key ("initiative_id") references "initiative" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "indicator" add constraint "indicator_issue_id_foreign" foreign key ("issue_id") references "labour_market_issue" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "indicator_measurement" add constraint "indicator_measurement_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "priority_vote" add constraint "priority_vote_issue_id_foreign" foreign key ("issue_id") references "labour_market_issue" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "consultation" add constraint "consultation_issue_id_foreign" foreign key ("issue_id") references "labour_market_issue" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "consultation" add constraint "consultation_strategy_id_foreign" foreign key ("strategy_id") references "strategy" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "consultation_position" add constraint "consultation_position_consultation_id_foreign" foreign key ("consultation_id") references "consultation" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "strategy_goal" add constraint "strategy_goal_strategy_id_foreign" foreign key ("strategy_id") references "strategy" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "strategy_goal" add constraint "strategy_goal_issue_id_foreign" foreign key ("issue_id") references "labour_market_issue" ("id") on update cascade on delete set null;`);
  }

}
