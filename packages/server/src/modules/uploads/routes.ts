import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { KefuError } from '../../errors';
import { agentOf, requireAgent, requireVisitor, visitorOf } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { downloadDisposition } from './fileName';
import type { StoredPhoto } from './service';

const uploadResponseSchema = z.object({
  upload: z.object({ id: z.string(), contentType: z.string(), sizeBytes: z.number(), url: z.string() }),
});

const uploadParamsSchema = z.object({ id: z.string().regex(/^upl_[0-9a-z]{1,40}$/) }).strict();

/** Shoppers upload photos; the shopper and the agents who may see the conversation read them back. */
export const uploadRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'config' | 'uploads' | 'visitorLimits' | 'visitorTokens'>;
}> = async (app, { services }) => {
  const maxBytes = services.config.uploadMaxBytes;
  // Registered here only: the rest of the API never accepts multipart bodies.
  await app.register(fastifyMultipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1, headerPairs: 50 },
  });
  const authenticateVisitor = requireVisitor(services.visitorTokens);
  const limits = services.visitorLimits;

  app.post(
    '/api/v1/visitor/uploads',
    {
      onRequest: [limits.messagesPerAddress, authenticateVisitor, limits.uploadsPerVisitor],
      schema: {
        tags: ['visitor'],
        summary: 'Upload a photo (JPEG, PNG, WebP or GIF) as multipart `file`; send its id with a message',
        consumes: ['multipart/form-data'],
        security: bearerSecurity,
        response: {
          201: uploadResponseSchema,
          400: errorResponseSchema,
          401: errorResponseSchema,
          413: errorResponseSchema,
          415: errorResponseSchema,
          429: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const visitor = visitorOf(request);
      const bytes = await readSinglePhoto(request, maxBytes);
      const upload = await services.uploads.storePhoto(visitor.customerId, bytes);
      return reply.status(201).send({ upload });
    },
  );

  app.get(
    '/api/v1/visitor/uploads/:id',
    {
      onRequest: authenticateVisitor,
      schema: {
        tags: ['visitor'],
        summary: "One of the visitor's own photos",
        security: bearerSecurity,
        params: uploadParamsSchema,
      },
    },
    async (request, reply) => {
      const visitor = visitorOf(request);
      return sendPhoto(reply, await services.uploads.readForVisitor(visitor.customerId, request.params.id));
    },
  );

  app.post(
    '/api/v1/agent/conversations/:id/uploads',
    {
      onRequest: requireAgent(services.auth, 'conversations:reply'),
      schema: {
        tags: ['agent'],
        summary: 'Upload a photo (JPEG, PNG, WebP or GIF) as multipart `file` to send in the conversation',
        consumes: ['multipart/form-data'],
        security: bearerSecurity,
        params: z.object({ id: z.string().min(1).max(64) }).strict(),
        response: {
          201: uploadResponseSchema,
          400: errorResponseSchema,
          401: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema,
          413: errorResponseSchema,
          415: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const bytes = await readSinglePhoto(request, maxBytes);
      const upload = await services.uploads.storeAgentPhoto(agentOf(request), request.params.id, bytes);
      return reply.status(201).send({ upload });
    },
  );

  app.get(
    '/api/v1/agent/uploads/:id',
    {
      onRequest: requireAgent(services.auth, 'conversations:read'),
      schema: {
        tags: ['agent'],
        summary:
          'A photo or file a shopper sent in a conversation the agent may see (files only as a download)',
        security: bearerSecurity,
        params: uploadParamsSchema,
      },
    },
    async (request, reply) => {
      const agent = agentOf(request);
      return sendPhoto(reply, await services.uploads.readForAgent(agent, request.params.id));
    },
  );
};

/** The one photo of a multipart request, at most `maxBytes`; every way of getting it wrong is a clear 4xx. */
async function readSinglePhoto(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!request.isMultipart()) throw new KefuError('upload_missing');
  try {
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw new KefuError('upload_missing');
    return await part.toBuffer();
  } catch (error) {
    if (error instanceof KefuError) throw error;
    const code = readErrorCode(error);
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new KefuError('upload_too_large', `The photo is larger than ${Math.floor(maxBytes / 1024)} KiB`, {
        maxBytes,
      });
    // Anything else went wrong in the multipart body itself (a broken boundary, a part cut short): the
    // request's fault, answered as a missing photo.
    throw new KefuError('upload_missing');
  }
}

/**
 * Served as the type its bytes proved, never sniffed, in a sandbox without script, and kept out of shared
 * caches; photos are shown inline, every other file only ever downloaded (Content-Disposition: attachment).
 */
function sendPhoto(reply: FastifyReply, photo: StoredPhoto): FastifyReply {
  const disposition = photo.kind === 'photo' ? 'inline' : 'attachment';
  const contentType = photo.contentType.startsWith('text/')
    ? `${photo.contentType}; charset=utf-8`
    : photo.contentType;
  return reply
    .header('content-type', contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', downloadDisposition(disposition, photo.fileName))
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=3600')
    .send(photo.bytes);
}

function readErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}
