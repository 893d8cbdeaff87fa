import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { channelKindSchema } from '../../channelKinds';
import { conversationPrioritySchema } from '../conversations/schemas';
import { ticketDetailSchema, ticketLinkKindSchema, ticketSchema, ticketStatusSchema } from './schemas';

const listQuerySchema = z
  .object({
    status: z
      .string()
      .transform((value) => value.split(',').filter(Boolean))
      .pipe(z.array(ticketStatusSchema))
      .optional(),
    assignee: z
      .union([z.literal('me'), z.literal('unassigned'), z.string().startsWith('agt_').max(64)])
      .optional(),
    teamId: z.string().max(64).optional(),
    customerId: z.string().max(64).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const linkSchema = z
  .object({ kind: ticketLinkKindSchema, targetId: z.string().trim().min(1).max(64) })
  .strict();

/** Tickets for agents: list (overdue first-class), read with history and SLA, create, update, comment, link. */
export const ticketRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'clock' | 'tickets'>;
}> = async (app, { services }) => {
  const canRead = requireAgent(services.auth, 'tickets:read');
  const canWrite = requireAgent(services.auth, 'tickets:write');
  const tags = ['agent: tickets'];
  const ticketResponse = {
    200: z.object({ ticket: ticketSchema }),
    403: errorResponseSchema,
    404: errorResponseSchema,
    409: errorResponseSchema,
  };

  app.get(
    '/api/v1/agent/tickets',
    {
      onRequest: canRead,
      schema: {
        tags,
        summary: 'Tickets you may see; `overdue=true` for those past an SLA target',
        security: bearerSecurity,
        querystring: listQuerySchema,
        response: { 200: z.object({ tickets: z.array(ticketSchema) }) },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const { status, assignee, teamId, customerId, overdue, limit } = request.query;
      const tickets = await services.tickets.list(agent, {
        statuses: status,
        assigneeId: assignee === 'me' ? agent.id : assignee === 'unassigned' ? null : assignee,
        teamId,
        customerId,
        overdueAt: overdue === 'true' ? services.clock.now().toISOString() : undefined,
        limit,
      });
      return { tickets };
    },
  );

  app.post(
    '/api/v1/agent/tickets',
    {
      onRequest: canWrite,
      schema: {
        tags,
        summary: 'Create a ticket',
        security: bearerSecurity,
        body: z
          .object({
            subject: z.string().trim().min(1).max(200),
            description: z.string().trim().min(1).max(10_000),
            priority: conversationPrioritySchema.default('normal'),
            category: z.string().trim().min(1).max(60).default('general'),
            channel: channelKindSchema.default('web'),
            customerId: z.string().max(64).nullable().default(null),
            assigneeId: z.string().max(64).nullable().default(null),
            teamId: z.string().max(64).nullable().default(null),
            links: z.array(linkSchema).max(50).default([]),
          })
          .strict(),
        response: { 201: z.object({ ticket: ticketSchema }) },
      },
    },
    async (request, reply) => {
      const agent = agentOf(request);
      const ticket = await services.tickets.create(
        { ...request.body, source: 'agent' },
        { type: 'agent', id: agent.id },
      );
      return reply.status(201).send({ ticket });
    },
  );

  app.get(
    '/api/v1/agent/tickets/:id',
    {
      onRequest: canRead,
      schema: {
        tags,
        summary: 'A ticket with links, comments, full history and SLA targets',
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: z.object({ ticket: ticketDetailSchema }), 404: errorResponseSchema },
      },
    },
    async (request) => ({ ticket: await services.tickets.get(agentOf(request), request.params.id) }),
  );

  app.patch(
    '/api/v1/agent/tickets/:id',
    {
      onRequest: canWrite,
      schema: {
        tags,
        summary:
          'Change status (open → pending → on_hold → solved → closed, reopen), assignee, team, priority, category',
        security: bearerSecurity,
        params: idParamSchema,
        body: z
          .object({
            status: ticketStatusSchema.optional(),
            assigneeId: z.string().max(64).nullable().optional(),
            teamId: z.string().max(64).nullable().optional(),
            priority: conversationPrioritySchema.optional(),
            category: z.string().trim().min(1).max(60).optional(),
            subject: z.string().trim().min(1).max(200).optional(),
          })
          .strict(),
        response: ticketResponse,
      },
    },
    async (request) => ({
      ticket: await services.tickets.update(agentOf(request), request.params.id, request.body),
    }),
  );

  app.post(
    '/api/v1/agent/tickets/:id/comments',
    {
      onRequest: canWrite,
      schema: {
        tags,
        summary: 'An internal comment, or a public reply (`internal: false`) that also reaches the shopper',
        security: bearerSecurity,
        params: idParamSchema,
        body: z
          .object({ body: z.string().trim().min(1).max(10_000), internal: z.boolean().default(true) })
          .strict(),
        response: ticketResponse,
      },
    },
    async (request) => ({
      ticket: await services.tickets.comment(agentOf(request), request.params.id, request.body),
    }),
  );

  app.post(
    '/api/v1/agent/tickets/:id/links',
    {
      onRequest: canWrite,
      schema: {
        tags,
        summary: 'Link a conversation or an order',
        security: bearerSecurity,
        params: idParamSchema,
        body: linkSchema,
        response: { 200: z.object({ ticket: ticketDetailSchema }), 404: errorResponseSchema },
      },
    },
    async (request) => ({
      ticket: await services.tickets.link(agentOf(request), request.params.id, request.body),
    }),
  );
};
