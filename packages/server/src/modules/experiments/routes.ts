import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import {
  experimentInputSchema,
  experimentPatchSchema,
  experimentResultsSchema,
  experimentSchema,
  experimentScriptSchema,
  stopInputSchema,
} from './schemas';

/** A/B tests of the bot's reply scripts, for admins and supervisors. */
export const experimentRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'experiments'>;
}> = async (app, { services }) => {
  app.addHook('onRequest', requireAgent(services.auth, 'experiments:manage'));
  const experiments = services.experiments;
  const tags = ['admin: experiments'];
  const base = '/api/v1/admin/experiments';
  const errors = {
    400: errorResponseSchema,
    403: errorResponseSchema,
    404: errorResponseSchema,
    409: errorResponseSchema,
  };
  const one = { 200: z.object({ experiment: experimentSchema }), ...errors };

  app.get(
    `${base}/scripts`,
    {
      schema: {
        tags,
        summary: 'The scripts the bot says that an experiment can test, with their current texts',
        security: bearerSecurity,
        response: { 200: z.object({ scripts: z.array(experimentScriptSchema) }) },
      },
    },
    async () => ({ scripts: await experiments.listScripts() }),
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Every experiment, newest first',
        security: bearerSecurity,
        response: { 200: z.object({ experiments: z.array(experimentSchema) }) },
      },
    },
    async () => ({ experiments: await experiments.list() }),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Create a draft experiment: the control first (no text), then 1–3 variants with both texts',
        security: bearerSecurity,
        body: experimentInputSchema,
        response: { 201: z.object({ experiment: experimentSchema }), ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ experiment: await experiments.create(request.body, agentOf(request).id) }),
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'One experiment',
        security: bearerSecurity,
        params: idParamSchema,
        response: one,
      },
    },
    async (request) => ({ experiment: await experiments.get(request.params.id) }),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Edit a draft experiment',
        security: bearerSecurity,
        params: idParamSchema,
        body: experimentPatchSchema,
        response: one,
      },
    },
    async (request) => ({
      experiment: await experiments.update(request.params.id, request.body, agentOf(request).id),
    }),
  );

  app.post(
    `${base}/:id/start`,
    {
      schema: {
        tags,
        summary: 'Start showing the variants',
        security: bearerSecurity,
        params: idParamSchema,
        response: one,
      },
    },
    async (request) => ({ experiment: await experiments.start(request.params.id, agentOf(request).id) }),
  );

  app.post(
    `${base}/:id/stop`,
    {
      schema: {
        tags,
        summary: 'Stop: the bot says the script’s own text again; optionally name the winner',
        security: bearerSecurity,
        params: idParamSchema,
        body: stopInputSchema,
        response: one,
      },
    },
    async (request) => ({
      experiment: await experiments.stop(request.params.id, request.body.winnerKey, agentOf(request).id),
    }),
  );

  app.post(
    `${base}/:id/promote`,
    {
      schema: {
        tags,
        summary: 'Write the winning variant’s texts into the script',
        security: bearerSecurity,
        params: idParamSchema,
        response: one,
      },
    },
    async (request) => ({ experiment: await experiments.promote(request.params.id, agentOf(request).id) }),
  );

  app.get(
    `${base}/:id/results`,
    {
      schema: {
        tags,
        summary:
          'Per variant: exposures, conversions, rate with 95 % interval, z-test against the control, verdict',
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: z.object({ results: experimentResultsSchema }), ...errors },
      },
    },
    async (request) => ({ results: await experiments.results(request.params.id) }),
  );
};
