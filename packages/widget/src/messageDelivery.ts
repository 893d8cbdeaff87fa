// Sending the shopper's messages: an optimistic entry at once, then the POST, retried on transient
// failures with the same clientMessageId (the server stores it once). While the bot holds the
// conversation, it is shown "typing" until its answer is in.
import { createClientMessageId, KefuApiError, VISITOR_MESSAGE_MAX_LENGTH } from '@kefu/sdk';
import type { KefuVisitorClient, Message } from '@kefu/sdk';
import type { ChatEntry } from './chatEntry';
import type { ChatTranscript } from './chatTranscript';
import type { ReplyPacer } from './replyPacer';
import type { WidgetStrings } from './widgetStrings';

const SEND_ATTEMPTS = 3;
/** A longer wait asked by the server is cut short here; a still-refused send then shows "not sent" with retry. */
const MAX_SLOW_DOWN_SECONDS = 60;

export interface MessageDeliveryHost {
  client: KefuVisitorClient;
  transcript: ChatTranscript;
  pacer: ReplyPacer;
  strings(): WidgetStrings;
  conversationId(): string;
  /** True while the bot answers (the conversation is not with a person). */
  botAnswers(): boolean;
  showEntry(entry: ChatEntry): void;
  showHint(text: string | null): void;
  /** The stored message confirms the local entry. */
  confirm(message: Message): void;
  /** A reply from the shop, shown paced. */
  receive(message: Message): void;
}

export class MessageDelivery {
  constructor(private readonly host: MessageDeliveryHost) {}

  /** Returns false when the text was refused (empty or too long); the composer then keeps it. */
  send(text: string): boolean {
    const trimmed = text.trim();
    if (trimmed === '') return false;
    if (trimmed.length > VISITOR_MESSAGE_MAX_LENGTH) {
      this.host.showHint(this.host.strings().tooLong(VISITOR_MESSAGE_MAX_LENGTH));
      return false;
    }
    const entry = this.host.transcript.addPending(
      trimmed,
      createClientMessageId(),
      this.host.conversationId(),
    );
    this.host.showEntry(entry);
    void this.deliver(entry.key);
    return true;
  }

  retry(key: string): void {
    const entry = this.host.transcript.setState(key, 'pending');
    if (!entry) return;
    this.host.showEntry(entry);
    void this.deliver(key);
  }

  /** Posts a local entry's message (its text and uploaded photos). */
  async deliver(key: string): Promise<void> {
    const entry = this.host.transcript.find(key);
    if (!entry) return;
    const thinking = this.host.botAnswers();
    if (thinking) this.host.pacer.beginThinking();
    try {
      await this.deliverWithRetries(key, entry.message.text, entry.uploadIds);
    } finally {
      if (thinking) this.host.pacer.endThinking();
    }
  }

  private async deliverWithRetries(
    key: string,
    text: string,
    uploadIds: string[] | undefined,
  ): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await this.host.client.sendMessage(text, key, { attachments: uploadIds });
        this.host.confirm(response.message);
        response.replies.forEach((reply) => this.host.receive(reply));
        return;
      } catch (error) {
        const slowDownSeconds = readSlowDownSeconds(error);
        if (slowDownSeconds !== null && attempt < SEND_ATTEMPTS) {
          // The shop asks this shopper to slow down: say so calmly and send it when the wait is over.
          this.host.showHint(this.host.strings().slowDown);
          await waitMilliseconds(Math.min(slowDownSeconds, MAX_SLOW_DOWN_SECONDS) * 1000);
          this.host.showHint(null);
          if (this.host.transcript.find(key)?.state !== 'pending') return;
          continue;
        }
        if (attempt >= SEND_ATTEMPTS || !isRetryableError(error)) {
          const failed = this.host.transcript.setState(key, 'failed', this.host.strings().failed);
          if (failed) this.host.showEntry(failed);
          return;
        }
        await waitMilliseconds(800 * 2 ** attempt);
        // The WebSocket may have confirmed it meanwhile (the request reached the server, the answer was lost).
        if (this.host.transcript.find(key)?.state !== 'pending') return;
      }
    }
  }
}

/** Seconds the server asked to wait (429 with `retryAfterSeconds`), or null for any other failure. */
function readSlowDownSeconds(error: unknown): number | null {
  if (!(error instanceof KefuApiError) || error.status !== 429) return null;
  const details: unknown = error.details;
  if (typeof details !== 'object' || details === null || !('retryAfterSeconds' in details)) return 1;
  const seconds = details.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? seconds : 1;
}

function isRetryableError(error: unknown): boolean {
  if (!(error instanceof KefuApiError)) return true; // network failure: fetch rejected
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

function waitMilliseconds(milliseconds: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, milliseconds));
}
