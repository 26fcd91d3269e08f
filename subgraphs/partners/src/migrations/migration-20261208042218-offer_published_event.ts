import { Migration } from '@mikro-orm/migrations';

export class Migration20261208042218_offer_published_event extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop constraint if exists "webhook_delivery_event_type_check";`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_type_check" check("event_type" in ('APPLICATION_DECIDED', 'PARTNER_JOINED', 'PARTNER_WITHDREW', 'PARTNER_SUSPENDED', 'PARTNER_REINSTATED', 'MEETING_CALLED', 'RESOLUTION_ADOPTED', 'CONSULTATION_OPENED', 'AGREEMENT_PART_PROPOSED', 'AGREEMENT_SIGNED', 'INITIATIVE_STATUS_CHANGED', 'FUNDING_CALL_ANNOUNCED', 'FUNDING_APPLICATION_DECIDED', 'CONSULTATION_CLOSING_SOON', 'FUNDING_CALL_CLOSING_SOON', 'OFFER_PUBLISHED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop constraint if exists "webhook_delivery_event_type_check";`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_type_check" check("event_type" in ('APPLICATION_DECIDED', 'PARTNER_JOINED', 'PARTNER_WITHDREW', 'PARTNER_SUSPENDED', 'PARTNER_REINSTATED', 'MEETING_CALLED', 'RESOLUTION_ADOPTED', 'CONSULTATION_OPENED', 'AGREEMENT_PART_PROPOSED', 'AGREEMENT_SIGNED', 'INITIATIVE_STATUS_CHANGED', 'FUNDING_CALL_ANNOUNCED', 'FUNDING_APPLICATION_DECIDED', 'CONSULTATION_CLOSING_SOON', 'FUNDING_CALL_CLOSING_SOON'));`);
  }

}
