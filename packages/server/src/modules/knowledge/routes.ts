import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import {
  createEntryBodySchema,
  entryListQuerySchema,
  entrySchema,
  reviewBodySchema,
  rollbackBodySchema,
  updateEntryBodySchema,
  versionSchema,
} from './schemas';

const tags = ['admin: knowledge'];
const entryResponse = z.object({ entry: entrySchema });
const errors = {
  400: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

/** FAQ entries and articles: authoring (knowledge:edit) and review (knowledge:review, by someone other than the author). */
export const knowledgeEntryRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'knowledge'>;
}> = async (app, { services }) => {
  const entries = services.knowledge.entries;
  const canEdit = requireAgent(services.auth, 'knowledge:edit');
  const canReview = requireAgent(services.auth, 'knowledge:review');
  const base = '/api/v1/admin/knowledge/entries';

  app.get(
    base,
    {
      onRequest: canEdit,
      schema: {
        tags,
        summary:
          'List entries with their latest version (filter by that version’s status, kind, category, text)',
        security: bearerSecurity,
        querystring: entryListQuerySchema,
        response: { 200: z.object({ entries: z.array(entrySchema) }) },
      },
    },
    async (request) => ({
      entries: await entries.listEntries({ ...request.query, search: request.query.q }),
    }),
  );

  app.post(
    base,
    {
      onRequest: canEdit,
      schema: {
        tags,
        summary: 'Create an FAQ entry or article as a draft (version 1)',
        security: bearerSecurity,
        body: createEntryBodySchema,
        response: { 201: entryResponse, ...errors },
      },
    },
    async (request, reply) => {
      const entry = await entries.createEntry(agentOf(request), request.body.kind, request.body.content);
      return reply.status(201).send({ entry });
    },
  );

  app.get(
    `${base}/:id`,
    {
      onRequest: canEdit,
      schema: {
        tags,
        summary: 'One entry',
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: entryResponse, 404: errorResponseSchema },
      },
    },
    async (request) => ({ entry: await entries.getEntry(request.params.id) }),
  );

  app.put(
    `${base}/:id`,
    {
      onRequest: canEdit,
      schema: {
        tags,
        summary:
          'Save content: edits the pending draft, or starts a new draft version after the published one',
        security: bearerSecurity,
        params: idParamSchema,
        body: updateEntryBodySchema,
        response: { 200: entryResponse, ...errors },
      },
    },
    async (request) => ({
      entry: await entries.updateEntry(
        agentOf(request),
        request.params.id,
        request.body.content,
        request.body.baseVersion,
      ),
    }),
  );

  app.get(
    `${base}/:id/versions`,
    {
      onRequest: canEdit,
      schema: {
        tags,
        summary: 'Every version of an entry, oldest first',
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: z.object({ versions: z.array(versionSchema) }), 404: errorResponseSchema },
      },
    },
    async (request) => ({ versions: await entries.listVersions(request.params.id) }),
  );

  app.get(
    `${base}/:id/history`,
    {
      onRequest: canEdit,
      schema: {
        tags,
        summary: 'Audit trail of an entry: who changed what, when',
        security: bearerSecurity,
        params: idParamSchema,
        response: {
          200: z.object({
            history: z.array(
              z.object({
                action: z.string(),
                actorType: z.string(),
                actorId: z.string().nullable(),
                data: z.unknown(),
                createdAt: z.string(),
              }),
            ),
          }),
          404: errorResponseSchema,
        },
      },
    },
    async (request) => ({ history: await entries.listHistory(request.params.id) }),
  );

  type WorkflowRun = (actor: { id: string }, entryId: string, note: string | undefined) => Promise<unknown>;
  const workflow: { action: string; summary: string; guard: typeof canEdit; run: WorkflowRun }[] = [
    {
      action: 'submit',
      summary: 'Send the draft to review',
      guard: canEdit,
      run: (actor, entryId) => entries.submitForReview(actor, entryId),
    },
    {
      action: 'approve',
      summary: 'Publish the version in review (reviewer ≠ author); it answers shoppers at once',
      guard: canReview,
      run: (actor, entryId, note) => entries.approve(actor, entryId, note),
    },
    {
      action: 'reject',
      summary: 'Send the version in review back to draft, with a note',
      guard: canReview,
      run: (actor, entryId, note) => entries.reject(actor, entryId, note),
    },
    {
      action: 'archive',
      summary: 'Take the published version off the bot',
      guard: canReview,
      run: (actor, entryId) => entries.archive(actor, entryId),
    },
  ];
  for (const { action, summary, guard, run } of workflow) {
    app.post(
      `${base}/:id/${action}`,
      {
        onRequest: guard,
        schema: {
          tags,
          summary,
          security: bearerSecurity,
          params: idParamSchema,
          body: reviewBodySchema,
          response: { 200: entryResponse, ...errors },
        },
      },
      async (request) => {
        await run(agentOf(request), request.params.id, request.body?.note);
        return { entry: await entries.getEntry(request.params.id) };
      },
    );
  }

  app.post(
    `${base}/:id/rollback`,
    {
      onRequest: canReview,
      schema: {
        tags,
        summary: 'Publish a copy of an earlier version as the newest version',
        security: bearerSecurity,
        params: idParamSchema,
        body: rollbackBodySchema,
        response: { 200: entryResponse, ...errors },
      },
    },
    async (request) => ({
      entry: await entries.rollback(agentOf(request), request.params.id, request.body.version),
    }),
  );
};
