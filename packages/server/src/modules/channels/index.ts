// The channels module's public surface for other modules: the Standard Webhooks signature (signed requests
// that are not chat messages, e.g. call records from a call-center system, use the same scheme).
export {
  isWebhookSecret,
  parseWebhookSecret,
  verifyWebhook,
  webhookHeaders,
} from './webhook/standardWebhookSignature';
export type { SignedWebhookRequest } from './webhook/standardWebhookSignature';
export { listPushRegistrationsForExport } from './push/pushExport';
export type { ExportedPushRegistration } from './push/pushExport';
export { WelcomeGreetings } from './web/welcomeGreetings';
