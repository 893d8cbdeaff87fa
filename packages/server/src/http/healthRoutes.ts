import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkDatabase, describeDatabaseError } from '../db/database';
import type { KefuServices } from '../services';
import { allowAnyone } from './routeAccess';

export const healthRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'database' | 'jobs'>;
}> = async (app, { services }) => {
  app.addHook('onRequest', allowAnyone('liveness and readiness for load balancers; no data'));
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['ops'],
        summary: 'Liveness: the process serves HTTP',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['ops'],
        summary: 'Readiness: the database answers and the job queue is reachable',
        response: {
          200: readinessSchema.extend({ status: z.literal('ready') }),
          503: readinessSchema.extend({ status: z.literal('unavailable'), reason: z.string() }),
        },
      },
    },
    async (request, reply) => {
      const [databaseReachable, jobs] = await Promise.all([
        checkDatabase(services.database.db).then(
          () => true,
          (error: unknown) => {
            request.log.warn({ err: describeDatabaseError(error) }, 'readiness: database unreachable');
            return false;
          },
        ),
        services.jobs.check(),
      ]);
      const report = {
        database: services.database.dialect,
        databaseReachable,
        jobs: { kind: jobs.kind, reachable: jobs.ok, dead: jobs.dead },
      };
      if (databaseReachable && jobs.ok) return { status: 'ready' as const, ...report };
      const reason = databaseReachable ? 'job queue unreachable' : 'database unreachable';
      return reply.status(503).send({ status: 'unavailable' as const, reason, ...report });
    },
  );
};

const readinessSchema = z.object({
  database: z.string(),
  databaseReachable: z.boolean(),
  jobs: z.object({ kind: z.string(), reachable: z.boolean(), dead: z.number() }),
});
