// The integrations module's public surface: outbound signed webhooks for a shop's CRM or ERP.
import type { EventJobs } from '../../events/eventJobs';
import type { JobQueue } from '../../jobs/jobQueue';
import { z } from 'zod';
import type { WebhookDeliveryDependencies } from './webhookDeliveries';
import { deliverWebhookJob, WebhookDeliveries } from './webhookDeliveries';
import { webhookSourceEvents } from './webhookEventTypes';
import { WebhookSubscriptions } from './webhookSubscriptions';

export { webhookRoutes } from './routes';
export type { WebhookDeliveryPolicy } from './webhookDeliveryPolicy';
export { webhookEventTypes } from './webhookEventTypes';
export type { WebhookSubscriptions } from './webhookSubscriptions';

export type IntegrationsInput = WebhookDeliveryDependencies;

export function createIntegrationsModule(input: IntegrationsInput) {
  const deliveries = new WebhookDeliveries(input);
  return { deliveries, webhooks: new WebhookSubscriptions(input.db, input.clock, input.cipher, deliveries) };
}

export type IntegrationsModule = ReturnType<typeof createIntegrationsModule>;

const deliverPayloadSchema = z.object({ deliveryId: z.string().min(1), attempt: z.number().int().min(1) });

/**
 * One durable listener per source event (the fan-out, once per event) and the delivery job (one attempt; the
 * next is a new job at its own time, so a receiver's Retry-After is honoured exactly).
 */
export function startIntegrationsModule(
  module: IntegrationsModule,
  eventJobs: EventJobs,
  jobs: JobQueue,
): void {
  jobs.register(deliverWebhookJob, {
    schema: deliverPayloadSchema,
    run: ({ deliveryId, attempt }) => module.deliveries.attempt(deliveryId, attempt),
  });
  for (const eventName of webhookSourceEvents)
    eventJobs.listen(eventName, `integrations.webhooks.${eventName}`, (event) =>
      module.deliveries.fanOut(event),
    );
}
