import type { IncomingHttpHeaders } from 'node:http';
import type { Attachment, Message } from '@kefu/sdk';
import type { ChannelKind } from '../../channelKinds';
import type { VerifiedKey } from '../customers';

/** What a channel can show and the platform's time limits; outbound messages are fitted to them. */
export interface ChannelCapabilities {
  /** Product and order cards beside the text (otherwise the text, always complete, goes alone). */
  cards: boolean;
  /** Photos and other images. */
  images: boolean;
  /** Buttons that send a prepared text (otherwise they are listed in the text for the shopper to type). */
  quickReplies: boolean;
  /** Longest text the platform takes in one message, in characters. */
  maxTextLength: number;
  /** How long after the shopper's last message the platform lets the shop write; null: no limit. */
  replyWindowMs: number | null;
  /** How soon the platform wants its inbound request answered before it retries; null: no deadline. */
  replyDeadlineMs: number | null;
}

/** A request the adapter proved genuine: its parsed body and, when the proof names one, the sender. */
export interface VerifiedInbound {
  /** The customer the proof itself names (the visitor token); null when the body names the sender. */
  customerId: string | null;
  body: unknown;
}

/** The sender as the platform names them: unique within the channel kind (the adapter scopes it). */
export interface ExternalSender {
  externalId: string;
  displayName?: string | undefined;
  locale?: string | undefined;
}

/** One message from a shopper, normalised from the platform's format. */
export interface InboundMessage {
  channel: ChannelKind;
  /** The channel account it reached (an official account, a mailbox; `default` for the widget and apps). */
  accountId: string;
  /** The platform's id of the message: a platform's retry carries the same one and stores nothing new. */
  externalMessageId: string;
  sender: { customerId: string } | ExternalSender;
  text: string;
  /** The visitor API's own id of the message, shown back to the widget. */
  clientMessageId?: string | undefined;
  /** Photos the shopper uploaded to Kefu first (visitor API). */
  uploadIds?: string[] | undefined;
  /** A photo the platform keeps behind its own API (Telegram's file_id): fetched and stored before ingest. */
  platformPhoto?: PlatformPhoto | undefined;
  /** Files the platform keeps (a WeChat photo's PicUrl), shown to agents where the platform serves them. */
  attachments?: Attachment[] | undefined;
  /** When the platform says it was sent (for the record; messages are answered in the order they arrive). */
  sentAt: Date | null;
  /** Sent by a machine (an auto-reply, a bounce): stored for agents, never answered, so no mail loop. */
  automated?: boolean | undefined;
  /** The shopper arrived without writing (WeChat's subscribe): greeted with the shop's welcome, no words stored. */
  arrival?: boolean | undefined;
  /** Threaded channels (e-mail): the subject and the thread's earlier message ids, echoed in the reply. */
  thread?: MessageThread | undefined;
  /** The menu choice the shopper tapped (WeCom kf's `menu_id`): the bot gets the quick reply it showed. */
  choiceId?: string | undefined;
}

/** A photo the adapter can fetch (`downloadFile`): its sizes, smallest first, and the words sent with it. */
export interface PlatformPhoto {
  sizes: { fileId: string; sizeBytes: number | null }[];
  /** The message's text once the photo is stored with it (its caption; empty without one). */
  caption: string;
}

/** Where a message sits in a platform's thread (e-mail's Subject and References). */
export interface MessageThread {
  subject: string;
  /** Earlier message ids of the thread, oldest first. */
  references: string[];
}

/** The query string of a platform's request (WeChat signs in it); the first value of each name. */
export type ChannelQuery = Readonly<Record<string, string | undefined>>;

/** What a platform that only announces waiting messages (WeCom kf) said: enough to fetch them. */
export interface PullAnnouncement {
  /** The platform's token for this fetch (WeCom kf: the event's `Token`, valid for a few minutes). */
  token: string;
  /** Which of the account's inboxes the messages wait in (WeCom kf: `OpenKfId`), when it says. */
  scope: string | null;
}

export interface PulledBatch {
  messages: InboundMessage[];
  /** Where the next fetch starts (stored with the account once these messages are stored). */
  nextCursor: string | null;
  hasMore: boolean;
}

/** Fetching for platforms that push an announcement rather than the messages. */
export interface ChannelPuller {
  announcement(inbound: VerifiedInbound): PullAnnouncement | null;
  pull(announcement: PullAnnouncement, cursor: string | null): Promise<PulledBatch>;
}

/** A response to a platform's request: its content type and body. */
export interface PushResponse {
  contentType: string;
  body: string;
}

/** One message to a shopper, already fitted to the channel's capabilities. */
export interface OutboundMessage {
  deliveryId: string;
  /** Stable across attempts: a platform that honours it sends the message once however often it is asked. */
  idempotencyKey: string;
  conversationId: string;
  recipient: { customerId: string; accountId: string | null; externalId: string | null };
  /** The shopper's view of the message. */
  message: Message;
  /** The shopper's latest message on this channel, which a threaded channel (e-mail) answers. */
  inReplyTo?: { externalMessageId: string; thread: MessageThread | null } | undefined;
  /** For platforms that take one message in several calls: what earlier attempts already sent. */
  parts?: DeliveryParts | undefined;
}

/** The parts of a message (text, photos, card) a platform already accepted, kept across attempts. */
export interface DeliveryParts {
  /** How many of the message's parts, in order, went out in earlier attempts. */
  alreadySent: number;
  /** Records that the first `count` parts went out, before the next one is tried. */
  recordSent(count: number): Promise<void>;
}

/**
 * A channel: proves and reads what its platform sends, and sends to it. Pure converters in both directions;
 * the ingest use-case and the delivery job do the storing, so every channel behaves the same.
 */
export interface ChannelAdapter {
  readonly kind: ChannelKind;
  readonly capabilities: ChannelCapabilities;
  /** Proves the request came from the platform (signature, token) over the raw body; throws a 401 otherwise. */
  verify(rawBody: Buffer, headers: IncomingHttpHeaders, query: ChannelQuery): VerifiedInbound;
  /** The messages a verified request carries (a platform may batch several); throws a 400 on a bad body. */
  parse(inbound: VerifiedInbound): InboundMessage[];
  /** Sends one message; throws `DeliveryError` (or anything, which is retried) when the platform refuses. */
  send(outbound: OutboundMessage): Promise<{ externalId: string | null }>;
  /** A callback URL proved by a GET challenge (WeChat's `echostr`): the body to answer; a 401 otherwise. */
  answerChallenge?(query: ChannelQuery): string;
  /** The answer the platform expects once its request is stored (WeChat: `success`); JSON otherwise. */
  readonly acknowledgement?: PushResponse;
  /**
   * Platforms that take one answer in the response to their push (WeChat Official Accounts' passive reply):
   * the response carrying `outbound` as the answer to the verified push, dated `sentAt`; null when this push
   * cannot carry one. See passiveReply.ts for when it is used.
   */
  passiveReply?(
    inbound: VerifiedInbound,
    query: ChannelQuery,
    outbound: OutboundMessage,
    sentAt: Date,
  ): PushResponse | null;
  /** An answer that depends on the request (Telegram answers a pressed button in it); null: the default. */
  acknowledgementFor?(inbound: VerifiedInbound): { contentType: string; body: string } | null;
  /** Set for platforms whose requests only announce waiting messages (WeCom kf). */
  readonly puller?: ChannelPuller;
  /** Tells the platform a person now serves the shopper (WeCom kf's session state). */
  handToPerson?(recipient: OutboundMessage['recipient']): Promise<void>;
  /** Tells the platform the bot serves the shopper again after a person handed them back. */
  handToBot?(recipient: OutboundMessage['recipient']): Promise<void>;
  /**
   * Keys the platform vouches for about a sender (WeChat: the unionid), which join the shopper's customers
   * across channels; throws a `DeliveryError` (retried) when the platform cannot be asked.
   */
  verifiedKeysOf?(externalId: string): Promise<VerifiedKey[]>;
  /** The bytes of a file the platform keeps (a `PlatformPhoto` size), at most `maxBytes`; throws otherwise. */
  downloadFile?(fileId: string, maxBytes: number): Promise<Buffer>;
  /** Checks the credentials with the platform (the console's "test connection"); throws a `DeliveryError`. */
  testConnection?(): Promise<void>;
}

/** A refused send: retried with back-off unless `retryable` is false (the platform will never take it). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
