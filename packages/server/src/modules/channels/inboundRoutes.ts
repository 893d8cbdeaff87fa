import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { KefuError } from '../../errors';
import { acceptSigned } from '../../http/routeAccess';
import { errorResponseSchema } from '../../http/wireSchemas';
import type { ChannelKind } from '../../channelKinds';
import { channelKindSchema, visitorChannelKindSchema } from '../../channelKinds';
import type { ChannelAdapter, ChannelQuery } from './channelAdapter';
import type { ChannelModule } from './channelsModule';
import { ingestInboundMessage } from './ingestInboundMessage';
import { enqueuePull } from './pullAnnouncedMessages';
import { fetchPlatformPhoto } from './platformPhotos';

const paramsSchema = z.object({ channel: z.string().max(32) }).strict();
const accountParamsSchema = z.object({ channel: z.string().max(32), accountId: z.string().max(64) }).strict();
const signedByPlatform = acceptSigned("the platform's signature over the request (checked by its adapter)");

const inboundAnswerSchema = z.object({
  received: z.number(),
  duplicates: z.number(),
  /** Per message of the request, in its order: where it was stored, or where it was the first time. */
  messages: z.array(
    z.object({ id: z.string(), duplicate: z.boolean(), messageId: z.string(), conversationId: z.string() }),
  ),
});

/**
 * A platform pushes its shoppers' messages: `POST /api/v1/channels/:channel/inbound` for a kind set up by
 * environment (the webhook channel), `/api/v1/channels/:channel/accounts/:accountId/inbound` for an account
 * set up in the console (GET there answers the platform's URL check). Authorisation is the adapter's proof
 * over the raw bytes, so the body is read raw. Each message is stored once under the platform's id and the
 * request is answered at commit — within the platform's deadline — while the bot answers in a job; a platform
 * that takes its answer in the response (WeChat's passive reply) gets it there when the bot is quick enough.
 */
export const channelInboundRoutes: FastifyPluginAsync<{ channels: ChannelModule }> = async (
  app,
  { channels },
) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_request, body, done) =>
    done(null, body),
  );
  const responses = {
    200: inboundAnswerSchema,
    400: errorResponseSchema,
    401: errorResponseSchema,
    404: errorResponseSchema,
  };

  app.post(
    '/api/v1/channels/:channel/inbound',
    {
      onRequest: signedByPlatform,
      schema: {
        tags: ['channels'],
        summary: "A platform's inbound messages (signed by the platform; answered before the bot runs)",
        response: responses,
      },
    },
    async (request, reply) => {
      const channel = parseChannel(paramsSchema.safeParse(request.params).data?.channel);
      return receive(channels, channels.registry[channel], { channel, accountId: null }, request, reply);
    },
  );

  app.post(
    '/api/v1/channels/:channel/accounts/:accountId/inbound',
    {
      onRequest: signedByPlatform,
      schema: {
        tags: ['channels'],
        summary: "A console-set channel account's inbound messages (WeChat XML, signed; answered at once)",
        response: responses,
      },
    },
    async (request, reply) => {
      const { channel, accountId, adapter } = await accountAdapter(channels, request.params);
      return receive(channels, adapter, { channel, accountId }, request, reply);
    },
  );

  app.get(
    '/api/v1/channels/:channel/accounts/:accountId/inbound',
    {
      onRequest: signedByPlatform,
      schema: {
        tags: ['channels'],
        summary: "The platform's check of the callback URL (WeChat: signature and echostr)",
        response: { 200: z.string(), 401: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const { adapter } = await accountAdapter(channels, request.params);
      if (!adapter.answerChallenge) throw new KefuError('not_found');
      return reply.type('text/plain; charset=utf-8').send(adapter.answerChallenge(readQuery(request)));
    },
  );
};

async function receive(
  channels: ChannelModule,
  adapter: ChannelAdapter,
  target: { channel: ChannelKind; accountId: string | null },
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const arrivedAt = Date.now();
  const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const query = readQuery(request);
  const verified = adapter.verify(rawBody, request.headers, query);
  const inbound = adapter.parse(verified);
  const messages = [];
  const photoDependencies = { ingest: channels.ingest, photos: channels.photos, logger: channels.logger };
  for (const parsed of inbound) {
    const message = await fetchPlatformPhoto(photoDependencies, adapter, parsed);
    const { stored, messageId, conversationId } = await ingestInboundMessage(channels.ingest, message);
    messages.push({ id: message.externalMessageId, duplicate: !stored, messageId, conversationId });
  }
  const announcement = adapter.puller?.announcement(verified) ?? null;
  if (announcement && target.accountId) {
    const jobId = await enqueuePull(
      channels.jobs,
      { kind: target.channel, accountId: target.accountId },
      announcement,
    );
    // Stored before the answer, so never lost; taken at once here when this process can.
    void channels.jobs
      .runNow([jobId])
      .catch((error: unknown) => request.log.warn({ err: error }, 'pull failed'));
  }
  const [only] = inbound.length === 1 ? messages : [];
  if (only && inbound[0]) {
    const push = { adapter, verified, query, inbound: inbound[0], messageId: only.messageId, arrivedAt };
    const passive = await channels.replyInResponse(push);
    if (passive) return reply.type(passive.contentType).send(passive.body);
  }
  const acknowledgement = adapter.acknowledgementFor?.(verified) ?? adapter.acknowledgement;
  if (acknowledgement) return reply.type(acknowledgement.contentType).send(acknowledgement.body);
  const duplicates = messages.filter((message) => message.duplicate).length;
  return { received: messages.length - duplicates, duplicates, messages };
}

async function accountAdapter(channels: ChannelModule, params: unknown) {
  const parsed = accountParamsSchema.safeParse(params);
  const channel = parseChannel(parsed.data?.channel);
  const accountId = parsed.data?.accountId ?? '';
  const adapter = await channels.accounts.adapterFor(channel, accountId);
  if (!adapter) throw new KefuError('channel_account_not_found');
  return { channel, accountId, adapter };
}

function parseChannel(value: string | undefined): ChannelKind {
  const kind = channelKindSchema.safeParse(value);
  if (!kind.success || visitorChannelKindSchema.safeParse(kind.data).success)
    throw new KefuError('not_found');
  return kind.data;
}

function readQuery(request: FastifyRequest): ChannelQuery {
  const query: Record<string, string> = {};
  if (request.query && typeof request.query === 'object')
    for (const [name, value] of Object.entries(request.query))
      if (typeof value === 'string') query[name] = value;
      else if (Array.isArray(value) && typeof value[0] === 'string') query[name] = value[0];
  return query;
}
