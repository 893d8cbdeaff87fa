import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { AuthService } from '../auth';
import {
  createWebhookBodySchema,
  updateWebhookBodySchema,
  webhookDeliveryParamsSchema,
  webhookDeliveryViewSchema,
  webhookViewSchema,
} from './schemas';
import type { WebhookSubscriptions } from './webhookSubscriptions';

export interface WebhookRouteServices {
  auth: AuthService;
  webhooks: WebhookSubscriptions;
}

const webhookResponseSchema = z.object({ webhook: webhookViewSchema });
const deliveryResponseSchema = z.object({ delivery: webhookDeliveryViewSchema });
const basePath = '/api/v1/admin/webhooks';

/**
 * Admins set up outbound webhooks for their CRM or ERP: create (the signing secret is shown once), list,
 * change, pause by hand, delete, send a test event, read the delivery log and redeliver.
 */
export const webhookRoutes: FastifyPluginAsyncZod<{ services: WebhookRouteServices }> = async (
  app,
  { services },
) => {
  const manage = requireAgent(services.auth, 'integrations:manage');
  const webhooks = services.webhooks;
  const tags = ['admin: integrations'];
  const errors = { 400: errorResponseSchema, 404: errorResponseSchema };
  const security = bearerSecurity;

  app.get(
    basePath,
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Webhooks (never their secrets)',
        security,
        response: { 200: z.object({ webhooks: z.array(webhookViewSchema) }) },
      },
    },
    async () => ({ webhooks: await webhooks.list() }),
  );

  app.post(
    basePath,
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Set up a webhook; the answer holds its signing secret, the only time it is shown',
        security,
        body: createWebhookBodySchema,
        response: { 201: webhookResponseSchema.extend({ secret: z.string() }), 400: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const created = await webhooks.create(request.body, agentOf(request).id);
      return reply.status(201).send({ webhook: created.subscription, secret: created.secret });
    },
  );

  app.patch(
    `${basePath}/:id`,
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Change, disable or enable (and so resume) a webhook',
        security,
        params: idParamSchema,
        body: updateWebhookBodySchema,
        response: { 200: webhookResponseSchema, ...errors },
      },
    },
    async (request) => ({
      webhook: await webhooks.update(request.params.id, request.body, agentOf(request).id),
    }),
  );

  app.delete(
    `${basePath}/:id`,
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Delete a webhook and its delivery log',
        security,
        params: idParamSchema,
        response: { 204: z.null(), 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      await webhooks.remove(request.params.id, agentOf(request).id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${basePath}/:id/test`,
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Send a test event (`webhook.test`) now',
        security,
        params: idParamSchema,
        response: { 202: deliveryResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) =>
      reply.status(202).send({ delivery: await webhooks.sendTest(request.params.id) }),
  );

  app.get(
    `${basePath}/:id/deliveries`,
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'The latest deliveries of a webhook, newest first',
        security,
        params: idParamSchema,
        response: {
          200: z.object({ deliveries: z.array(webhookDeliveryViewSchema) }),
          404: errorResponseSchema,
        },
      },
    },
    async (request) => ({ deliveries: await webhooks.listDeliveries(request.params.id) }),
  );

  app.post(
    `${basePath}/:id/deliveries/:deliveryId/redeliver`,
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Send a finished delivery again, with a new round of attempts',
        security,
        params: webhookDeliveryParamsSchema,
        response: { 202: deliveryResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request, reply) =>
      reply.status(202).send({
        delivery: await webhooks.redeliver(request.params.id, request.params.deliveryId, agentOf(request).id),
      }),
  );
};
