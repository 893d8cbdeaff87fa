import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { clientAddressOf } from '../../http/requestLimits';
import { bearerSecurity } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import type { AuditLogEntry } from './auditLog';
import { recordAudit } from './service';

const filterSchema = z
  .object({
    action: z.string().trim().max(80).optional(),
    actorId: z.string().trim().max(64).optional(),
    targetType: z.string().trim().max(40).optional(),
    targetId: z.string().trim().max(64).optional(),
    from: z.string().datetime().optional(),
    to: z.string().datetime().optional(),
    before: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

const entrySchema = z.object({
  sequence: z.number(),
  id: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

/** The audit log for those who may read it: filters, an export (itself audited) and the chain check. */
export const auditRoutes: FastifyPluginAsyncZod<{ services: KefuServices }> = async (app, { services }) => {
  app.addHook('onRequest', requireAgent(services.auth, 'audit:read'));
  const tags = ['admin: audit'];
  const toFilter = (query: z.infer<typeof filterSchema>, limit: number) => ({
    ...query,
    beforeSequence: query.before,
    limit,
  });

  app.get(
    '/api/v1/admin/audit',
    {
      schema: {
        tags,
        summary: 'Audit entries, newest first (page with `before` = the last sequence seen)',
        security: bearerSecurity,
        querystring: filterSchema,
        response: { 200: z.object({ entries: z.array(entrySchema) }) },
      },
    },
    async (request) => ({
      entries: await services.auditLog.list(toFilter(request.query, request.query.limit)),
    }),
  );

  app.get(
    '/api/v1/admin/audit/export',
    {
      schema: {
        tags,
        summary: 'Up to 10,000 filtered entries as CSV or JSON (the export is audited)',
        security: bearerSecurity,
        querystring: filterSchema.extend({ format: z.enum(['csv', 'json']).default('csv') }).strict(),
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const entries = await services.auditLog.list(toFilter(query, 10_000));
      await recordAudit(
        services.database.db,
        {
          actorType: 'agent',
          actorId: agentOf(request).id,
          action: 'audit.exported',
          targetType: 'audit_log',
          targetId: null,
          data: { format, entries: entries.length, filter: query, address: clientAddressOf(request) },
        },
        services.clock.now(),
      );
      const body = format === 'json' ? JSON.stringify({ entries }, null, 2) : toCsv(entries);
      return reply
        .type(format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="kefu-audit.${format}"`)
        .send(body);
    },
  );

  app.get(
    '/api/v1/admin/audit/verify',
    {
      schema: {
        tags,
        summary: 'Recompute the hash chain: whether any entry was changed, removed or reordered',
        security: bearerSecurity,
        response: {
          200: z.object({
            entries: z.number(),
            valid: z.boolean(),
            firstBrokenSequence: z.number().nullable(),
          }),
        },
      },
    },
    async () => services.auditLog.verify(),
  );
};

const csvColumns = [
  'sequence',
  'createdAt',
  'actorType',
  'actorId',
  'action',
  'targetType',
  'targetId',
  'data',
] as const;

function toCsv(entries: AuditLogEntry[]): string {
  const lines = entries.map((entry) =>
    csvColumns
      .map((column) => (column === 'data' ? JSON.stringify(entry.data) : String(entry[column] ?? '')))
      .map(quoteCsvCell)
      .join(','),
  );
  return `\uFEFF${[csvColumns.join(','), ...lines].join('\r\n')}\r\n`;
}

/** Quotes a cell, and defuses a leading = + - @ so a spreadsheet never runs it as a formula. */
function quoteCsvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
