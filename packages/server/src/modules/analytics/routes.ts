import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema } from '../../http/wireSchemas';
import type { ReportName } from './reportService';
import {
  conversationMetricsRowSchema,
  dashboardSchema,
  reportQuerySchema,
  reportQueryShape,
  reportRangeSchema,
  reportSchemas,
} from './schemas';
import type { KefuServices } from '../../services';

const reportPaths: Record<ReportName, string> = {
  overview: 'overview',
  volume: 'volume',
  topics: 'topics',
  bot: 'bot',
  responseTimes: 'response-times',
  sla: 'sla',
  csat: 'csat',
  backlog: 'backlog',
  agents: 'agents',
  questions: 'questions',
  productIssues: 'product-issues',
};

const cursorSchema = z
  .string()
  .regex(/^\d{1,12}:[\w-]{1,64}$/, 'use the nextCursor of the previous page')
  .transform((value) => {
    const [minute = '0', conversationId = ''] = value.split(':');
    return { createdMinute: Number(minute), conversationId };
  });

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };

/** Read-only reports for holders of `reports:read`: the dashboard, each report, and the per-conversation rows. */
export const reportRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'analytics'>;
}> = async (app, { services }) => {
  const { analytics, auth } = services;
  app.addHook('onRequest', requireAgent(auth, 'reports:read'));
  const tags = ['reports'];
  const scoped = async <Query extends object>(request: FastifyRequest, query: Query) => ({
    ...query,
    scope: await analytics.reports.scopeOf(agentOf(request)),
  });

  app.get(
    '/api/v1/reports/dashboard',
    {
      schema: {
        tags,
        summary: 'Every report of the dashboard for one filter, in one answer',
        security: bearerSecurity,
        querystring: reportQuerySchema,
        response: { 200: dashboardSchema, ...errors, 404: errorResponseSchema },
      },
    },
    async (request) => analytics.reports.dashboard(await scoped(request, request.query)),
  );

  for (const [name, path] of Object.entries(reportPaths)) {
    if (!isReportName(name)) continue;
    app.get(
      `/api/v1/reports/${path}`,
      {
        schema: {
          tags,
          summary: `The ${path.replace('-', ' ')} report`,
          security: bearerSecurity,
          querystring: reportQuerySchema,
          response: {
            200: z.object({ range: reportRangeSchema, report: reportSchemas[name] }),
            ...errors,
            404: errorResponseSchema,
          },
        },
      },
      async (request) => {
        const { range, report } = await analytics.reports.reportWithRange(
          name,
          await scoped(request, request.query),
        );
        return { range, report };
      },
    );
  }

  app.get(
    '/api/v1/reports/conversations',
    {
      schema: {
        tags,
        summary: 'One row per conversation with all its metrics (the rows of the export), oldest first',
        security: bearerSecurity,
        querystring: z
          .object({
            ...reportQueryShape,
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            cursor: cursorSchema.optional(),
          })
          .strict(),
        response: {
          200: z.object({ rows: z.array(conversationMetricsRowSchema), nextCursor: z.string().nullable() }),
          ...errors,
          404: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const { limit, cursor, ...query } = request.query;
      const rows = await analytics.reports.listConversations(await scoped(request, query), {
        limit,
        after: cursor ?? null,
      });
      const last = rows.length === limit ? rows[rows.length - 1] : undefined;
      const nextCursor = last
        ? `${Math.floor(Date.parse(last.createdAt) / 60_000)}:${last.conversationId}`
        : null;
      return { rows, nextCursor };
    },
  );

  app.get(
    '/api/v1/reports/conversations/export',
    {
      schema: {
        tags,
        summary: 'The per-conversation rows as a CSV or Excel (XLSX) file',
        security: bearerSecurity,
        querystring: z
          .object({ ...reportQueryShape, format: z.enum(['csv', 'xlsx']).default('csv') })
          .strict(),
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const file = await analytics.reports.exportConversations(await scoped(request, query), format);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
};

function isReportName(name: string): name is ReportName {
  return name in reportPaths;
}
