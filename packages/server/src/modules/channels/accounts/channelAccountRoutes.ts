import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../../http/wireSchemas';
import type { AuthService } from '../../auth';
import type { ChannelModule } from '../channelsModule';
import {
  channelAccountViewSchema,
  connectionTestSchema,
  createChannelAccountBodySchema,
  updateChannelAccountBodySchema,
} from './channelAccountSchemas';

export interface ChannelAccountRouteServices {
  auth: AuthService;
  channels: ChannelModule;
}

const accountResponseSchema = z.object({ account: channelAccountViewSchema });

/**
 * Admins set up channel accounts (WeChat Official Accounts, WeChat customer service): create, list, change,
 * disable, test the credentials with the platform. Credentials are write-only: the list says which are set.
 */
export const channelAccountRoutes: FastifyPluginAsyncZod<{ services: ChannelAccountRouteServices }> = async (
  app,
  { services },
) => {
  const manage = requireAgent(services.auth, 'channels:accounts');
  const accounts = services.channels.accounts;
  const tags = ['admin: channels'];
  const errors = { 400: errorResponseSchema, 404: errorResponseSchema };

  app.get(
    '/api/v1/admin/channel-accounts',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Channel accounts, with the callback URL to paste into each platform',
        security: bearerSecurity,
        response: { 200: z.object({ accounts: z.array(channelAccountViewSchema) }) },
      },
    },
    async () => ({ accounts: await accounts.list() }),
  );

  app.post(
    '/api/v1/admin/channel-accounts',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Set up a channel account (credentials are stored sealed and never shown again)',
        security: bearerSecurity,
        body: createChannelAccountBodySchema,
        response: { 201: accountResponseSchema, 400: errorResponseSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ account: await accounts.create(request.body, agentOf(request).id) }),
  );

  app.patch(
    '/api/v1/admin/channel-accounts/:id',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Change, disable or enable a channel account; credentials named replace the stored ones',
        security: bearerSecurity,
        params: idParamSchema,
        body: updateChannelAccountBodySchema,
        response: { 200: accountResponseSchema, ...errors },
      },
    },
    async (request) => ({
      account: await accounts.update(request.params.id, request.body, agentOf(request).id),
    }),
  );

  app.post(
    '/api/v1/admin/channel-accounts/:id/test',
    {
      onRequest: manage,
      schema: {
        tags,
        summary:
          "Test the account's credentials with the platform (fetches an access token; logs in to an IMAP mailbox)",
        security: bearerSecurity,
        params: idParamSchema,
        response: {
          200: connectionTestSchema,
          404: errorResponseSchema,
        },
      },
    },
    async (request) => accounts.testConnection(request.params.id),
  );
};
