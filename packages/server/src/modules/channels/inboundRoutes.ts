import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { KefuError } from '../../errors';
import { errorResponseSchema } from '../../http/wireSchemas';
import { allowAnyone } from '../../http/routeAccess';
import type { ChannelModule } from './channelsModule';
import { channelKindSchema, visitorChannelKindSchema } from '../../channelKinds';
import { ingestInboundMessage } from './ingestInboundMessage';

const paramsSchema = z.object({ channel: z.string().max(32) }).strict();

/**
 * `POST /api/v1/channels/:channel/inbound`: a platform pushes its shoppers' messages. Authorisation is the
 * adapter's proof over the raw bytes (a signature, not a Kefu token), so the body is read raw. Each message is
 * stored once under the platform's id and the request is answered at commit — within the platform's reply
 * deadline — while the bot answers in a job. The web and app channels come in through the visitor API.
 */
export const channelInboundRoutes: FastifyPluginAsync<{ channels: ChannelModule }> = async (
  app,
  { channels },
) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/v1/channels/:channel/inbound',
    {
      onRequest: allowAnyone("a platform's messages: the adapter checks its signature over the raw body"),
      schema: {
        tags: ['channels'],
        summary: "A platform's inbound messages (signed by the platform; answered before the bot runs)",
        response: {
          200: z.object({
            received: z.number(),
            duplicates: z.number(),
            /** Per message of the request, in its order: where it was stored, or where it was the first time. */
            messages: z.array(
              z.object({
                id: z.string(),
                duplicate: z.boolean(),
                messageId: z.string(),
                conversationId: z.string(),
              }),
            ),
          }),
          400: errorResponseSchema,
          401: errorResponseSchema,
          404: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const { channel } = parseParams(request.params);
      const adapter = channels.registry[channel];
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const inbound = adapter.parse(adapter.verify(rawBody, request.headers));
      const messages = [];
      for (const message of inbound) {
        const { stored, messageId, conversationId } = await ingestInboundMessage(channels.ingest, message);
        messages.push({ id: message.externalMessageId, duplicate: !stored, messageId, conversationId });
      }
      const duplicates = messages.filter((message) => message.duplicate).length;
      return { received: messages.length - duplicates, duplicates, messages };
    },
  );
};

function parseParams(params: unknown) {
  const parsed = paramsSchema.safeParse(params);
  const kind = channelKindSchema.safeParse(parsed.success ? parsed.data.channel : undefined);
  if (!kind.success || visitorChannelKindSchema.safeParse(kind.data).success)
    throw new KefuError('not_found');
  return { channel: kind.data };
}
