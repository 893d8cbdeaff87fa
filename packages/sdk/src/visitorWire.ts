// Parsing of the visitor API's wire format: responses and WebSocket frames are untrusted input,
// so they are checked and narrowed here instead of being cast.
import type {
  ApiErrorBody,
  ConversationStatus,
  Message,
  SendMessageResponse,
  VisitorServerEvent,
  VisitorSessionResponse,
} from './types';
import { isShapeError, parseMessageCard } from './cardWire';
import { isChannelKind } from './types';

export class KefuApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error's `details`, e.g. `{ maxBytes }` of a refused upload. */
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'KefuApiError';
  }
}

/** Runs a parser of a response body; a body of the wrong shape becomes an `invalid_response` error. */
export function parseResponse<Parsed>(body: unknown, parse: (value: unknown) => Parsed): Parsed {
  try {
    return parse(body);
  } catch (error) {
    if (isShapeError(error)) throw invalidResponseError();
    throw error;
  }
}

export function parseSendMessageResponse(body: unknown): SendMessageResponse {
  if (!isRecord(body) || !Array.isArray(body.replies)) throw invalidResponseError();
  return { message: parseMessage(body.message), replies: body.replies.map(parseMessage) };
}

export function parseMessageList(body: unknown): Message[] {
  if (!isRecord(body) || !Array.isArray(body.messages)) throw invalidResponseError();
  return body.messages.map(parseMessage);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseJsonOrNull(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function convertToApiError(status: number, body: unknown): KefuApiError {
  const error: ApiErrorBody['error'] | null =
    isRecord(body) && isRecord(body.error) ? parseErrorBody(body.error) : null;
  return new KefuApiError(
    status,
    error?.code ?? `http_${status}`,
    error?.message ?? `Request failed (${status})`,
    error?.details,
  );
}

function parseErrorBody(error: Record<string, unknown>): ApiErrorBody['error'] {
  return { code: readString(error, 'code'), message: readString(error, 'message'), details: error.details };
}

function invalidResponseError(): KefuApiError {
  return new KefuApiError(0, 'invalid_response', 'The server sent an unexpected response');
}

function readString(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  if (typeof value !== 'string') throw invalidResponseError();
  return value;
}

function readNullableString(record: Record<string, unknown>, key: string): string | null {
  const value = record[key];
  return typeof value === 'string' ? value : null;
}

export function parseSession(value: unknown): VisitorSessionResponse {
  if (!isRecord(value)) throw invalidResponseError();
  return {
    token: readString(value, 'token'),
    visitorId: readString(value, 'visitorId'),
    customerId: readString(value, 'customerId'),
    conversationId: readString(value, 'conversationId'),
    status: readConversationStatus(value.status),
  };
}

function readConversationStatus(value: unknown): ConversationStatus {
  if (
    value === 'bot' ||
    value === 'queued' ||
    value === 'assigned' ||
    value === 'resolved' ||
    value === 'closed'
  )
    return value;
  throw invalidResponseError();
}

/** Parses a message from the wire, defaulting the optional collections. */
export function parseMessage(value: unknown): Message {
  if (!isRecord(value)) throw invalidResponseError();
  const sender = value.sender;
  if (sender !== 'customer' && sender !== 'bot' && sender !== 'agent' && sender !== 'system') {
    throw invalidResponseError();
  }
  const attachments = Array.isArray(value.attachments) ? value.attachments.filter(isRecord) : [];
  const quickReplies = Array.isArray(value.quickReplies) ? value.quickReplies.filter(isRecord) : [];
  return {
    id: readString(value, 'id'),
    conversationId: readString(value, 'conversationId'),
    sender,
    senderName: readNullableString(value, 'senderName'),
    text: typeof value.text === 'string' ? value.text : '',
    attachments: attachments.map((attachment) => ({
      name: readString(attachment, 'name'),
      url: readString(attachment, 'url'),
      contentType: readString(attachment, 'contentType'),
      sizeBytes: typeof attachment.sizeBytes === 'number' ? attachment.sizeBytes : undefined,
      ...(typeof attachment.uploadId === 'string' && { uploadId: attachment.uploadId }),
    })),
    quickReplies: quickReplies.map((reply) => ({
      label: readString(reply, 'label'),
      text: readString(reply, 'text'),
    })),
    card: parseMessageCard(value.card),
    isPrivate: value.isPrivate === true,
    clientMessageId: readNullableString(value, 'clientMessageId'),
    createdAt: readString(value, 'createdAt'),
    ...(isChannelKind(value.channel) && { channel: value.channel }),
  };
}

/** Parses one WebSocket frame; unknown or malformed frames give null so newer servers don't break old clients. */
export function parseServerEvent(value: unknown): VisitorServerEvent | null {
  if (!isRecord(value)) return null;
  try {
    switch (value.type) {
      case 'message.created':
        return { type: 'message.created', message: parseMessage(value.message) };
      case 'typing':
        if (value.sender !== 'agent' && value.sender !== 'bot') return null;
        return { type: 'typing', sender: value.sender, isTyping: value.isTyping === true };
      case 'conversation.updated': {
        const status = value.status;
        if (
          status !== 'bot' &&
          status !== 'queued' &&
          status !== 'assigned' &&
          status !== 'resolved' &&
          status !== 'closed'
        ) {
          return null;
        }
        return { type: 'conversation.updated', status };
      }
      default:
        return null;
    }
  } catch {
    return null;
  }
}
