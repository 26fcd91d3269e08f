export { definition } from "./definition.js";
export { buildSchema } from "./schema.js";
export { REGISTER_PRUNING } from "./webhook/dispatcher.js";
export { WebhookDelivery } from "./webhook/webhook.entity.js";
export { WebhookDeliveryStatus, WebhookEventType } from "./webhook/webhook-event.js";
