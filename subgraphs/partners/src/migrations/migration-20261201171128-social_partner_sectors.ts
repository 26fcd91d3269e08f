import { Migration } from '@mikro-orm/migrations';

export class Migration20261201171128_social_partner_sectors extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "accession_application" drop constraint if exists "accession_application_sector_check";`);

    this.addSql(`alter table "partner" drop constraint if exists "partner_sector_check";`);

    this.addSql(`alter table "accession_application" add constraint "accession_application_sector_check" check("sector" in ('LOCAL_GOVERNMENT', 'LABOUR_OFFICE', 'BUSINESS', 'NGO', 'EDUCATION', 'OTHER_INSTITUTION', 'INDIVIDUAL', 'TRADE_UNION', 'EMPLOYERS_ORGANISATION'));`);

    this.addSql(`alter table "partner" add constraint "partner_sector_check" check("sector" in ('LOCAL_GOVERNMENT', 'LABOUR_OFFICE', 'BUSINESS', 'NGO', 'EDUCATION', 'OTHER_INSTITUTION', 'INDIVIDUAL', 'TRADE_UNION', 'EMPLOYERS_ORGANISATION'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "accession_application" drop constraint if exists "accession_application_sector_check";`);

    this.addSql(`alter table "partner" drop constraint if exists "partner_sector_check";`);

    this.addSql(`alter table "accession_application" add constraint "accession_application_sector_check" check("sector" in ('LOCAL_GOVERNMENT', 'LABOUR_OFFICE', 'BUSINESS', 'NGO', 'EDUCATION', 'OTHER_INSTITUTION', 'INDIVIDUAL'));`);

    this.addSql(`alter table "partner" add constraint "partner_sector_check" check("sector" in ('LOCAL_GOVERNMENT', 'LABOUR_OFFICE', 'BUSINESS', 'NGO', 'EDUCATION', 'OTHER_INSTITUTION', 'INDIVIDUAL'));`);
  }

}
