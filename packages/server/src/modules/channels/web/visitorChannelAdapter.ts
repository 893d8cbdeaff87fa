import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Message } from '@kefu/sdk';
import { KefuError } from '../../../errors';
import type { VisitorTokens } from '../../auth';
import type {
  ChannelAdapter,
  ChannelCapabilities,
  InboundMessage,
  OutboundMessage,
  VerifiedInbound,
} from '../channelAdapter';
import type { VisitorChannelKind } from '../../../channelKinds';
import { sendMessageBodySchema } from './visitorMessageBody';
import { parseJsonBody } from '../parseJsonBody';

/** Hands a message to the shopper's open connections, on whichever server process they are. */
export interface VisitorPush {
  push(customerId: string, conversationId: string, message: Message): Promise<void>;
}

export interface VisitorChannelSettings {
  tokens: VisitorTokens;
  push: VisitorPush;
  /** How long the visitor API waits for the bot's replies before it answers with what exists. */
  replyWaitMs: number;
}

/** Everything the widget and the SDK's clients render; Kefu's own limit on text. */
function visitorCapabilities(replyWaitMs: number): ChannelCapabilities {
  return {
    cards: true,
    images: true,
    quickReplies: true,
    maxTextLength: 4000,
    replyWindowMs: null,
    replyDeadlineMs: replyWaitMs,
  };
}

/**
 * The web widget and apps on `@kefu/sdk`: the proof is the visitor token, the body the visitor API's message,
 * and sending is the WebSocket push. The shopper's client also lists the messages when it reconnects, so a
 * push with no socket open is complete too: a delivery here is sent once it is handed to the gateways.
 */
export class VisitorChannelAdapter implements ChannelAdapter {
  readonly capabilities: ChannelCapabilities;

  constructor(
    readonly kind: VisitorChannelKind,
    private readonly settings: VisitorChannelSettings,
  ) {
    this.capabilities = visitorCapabilities(settings.replyWaitMs);
  }

  verify(rawBody: Buffer, headers: IncomingHttpHeaders): VerifiedInbound {
    const token = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
    if (!token) throw new KefuError('unauthenticated');
    const claims = this.settings.tokens.verify(token);
    if (claims.channel !== this.kind) throw new KefuError('invalid_token');
    return { customerId: claims.customerId, body: parseJsonBody(rawBody) };
  }

  parse(inbound: VerifiedInbound): InboundMessage[] {
    if (inbound.customerId === null) throw new KefuError('unauthenticated');
    const body = sendMessageBodySchema.safeParse(inbound.body);
    if (!body.success) throw new KefuError('validation_failed', body.error.issues[0]?.message);
    const { text, attachments, clientMessageId } = body.data;
    return [
      {
        channel: this.kind,
        accountId: 'default',
        // The client's own id scoped to the customer (clients pick them); without one every send is new.
        externalMessageId: `${inbound.customerId}:${clientMessageId ?? `server:${randomUUID()}`}`,
        sender: { customerId: inbound.customerId },
        text: text ?? '',
        clientMessageId,
        uploadIds: attachments,
        sentAt: null,
      },
    ];
  }

  async send(outbound: OutboundMessage): Promise<{ externalId: string | null }> {
    await this.settings.push.push(outbound.recipient.customerId, outbound.conversationId, outbound.message);
    return { externalId: null };
  }
}
