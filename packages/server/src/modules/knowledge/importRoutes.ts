import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { recordAudit } from '../audit';
import { exportContentTypes, formatExport } from './exportFormats';
import { exportQuerySchema, importBodySchema, importJobSchema } from './schemas';

const tags = ['admin: knowledge'];

/** Import (as a job with progress and a per-row error report) and export in CSV, JSON and Markdown. */
export const knowledgeImportRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'clock' | 'database' | 'knowledge'>;
}> = async (app, { services }) => {
  // Export and import move the whole knowledge base at once: a permission plain agents do not have.
  app.addHook('onRequest', requireAgent(services.auth, 'knowledge:transfer'));
  const imports = services.knowledge.imports;

  app.post(
    '/api/v1/admin/knowledge/imports',
    {
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Start an import; poll the job for progress and the rows that failed',
        description:
          'CSV columns: id, kind, category, tags, product_ids, channels, valid_from, valid_until, question_zh, similar_zh, answer_zh, question_en, similar_en, answer_en (lists separated by |). JSON: [{ id?, kind?, content }] or { entries: [...] }. Markdown: "# question" sections with "> key: value" lines (id, ref, kind, locale, category, tags, similar, products, channels, valid_from, valid_until). Rows with an id update that entry with a new draft.',
        security: bearerSecurity,
        body: importBodySchema,
        response: { 202: z.object({ job: importJobSchema }), 400: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const job = await imports.startImport(agentOf(request), request.body);
      return reply.status(202).send({ job });
    },
  );

  app.get(
    '/api/v1/admin/knowledge/imports/:id',
    {
      schema: {
        tags,
        summary: 'An import job: status, progress (0..1), counts and the per-row error report',
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: z.object({ job: importJobSchema }), 404: errorResponseSchema },
      },
    },
    async (request) => ({ job: await imports.getJob(request.params.id) }),
  );

  app.get(
    '/api/v1/admin/knowledge/export',
    {
      schema: {
        tags,
        summary: 'Export published entries (or the latest version of every entry) as CSV, JSON or Markdown',
        security: bearerSecurity,
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const { format, status } = request.query;
      const entries = await imports.exportEntries(status);
      const body = formatExport(format, entries);
      await recordAudit(
        services.database.db,
        {
          actorType: 'agent',
          actorId: agentOf(request).id,
          action: 'knowledge.exported',
          targetType: 'knowledge',
          targetId: null,
          data: { format, status, entries: entries.length },
        },
        services.clock.now(),
      );
      const extension = format === 'markdown' ? 'md' : format;
      return reply
        .type(exportContentTypes[format])
        .header('content-disposition', `attachment; filename="knowledge.${extension}"`)
        .send(body);
    },
  );
};
