// The channels module's public surface for other modules (the composition root wires its internals directly).
export { parseWebhookSecret, webhookHeaders } from './webhook/standardWebhookSignature';
