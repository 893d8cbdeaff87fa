import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { KefuError } from '../../../errors';
import type {
  ChannelAdapter,
  ChannelCapabilities,
  InboundMessage,
  OutboundMessage,
  VerifiedInbound,
} from '../channelAdapter';
import { DeliveryError } from '../channelAdapter';
import type { EmailCredentials, EmailSettings } from '../accounts/channelAccountSchemas';
import { composeReplyMail } from './emailOutbound';
import { ReceivedMail, convertMailToInbound } from './emailInbound';

/**
 * E-mail shows long text and simple HTML but no buttons or cards (they become lines of text); there is no reply
 * window and no deadline: the sender's server waits for the listener's answer and retries on its own.
 */
export const emailCapabilities: ChannelCapabilities = {
  cards: false,
  images: false,
  quickReplies: false,
  maxTextLength: 100_000,
  replyWindowMs: null,
  replyDeadlineMs: null,
};

export interface EmailAccount {
  id: string;
  settings: EmailSettings;
  credentials: EmailCredentials;
}

/**
 * A shop's mailbox: mail arrives through the built-in SMTP listener (emailListeners.ts), which parses it and
 * hands it to `parse`; replies go out through the account's relay with the threading headers of the
 * shopper's mail, so their mail client shows one thread.
 */
export class EmailChannelAdapter implements ChannelAdapter {
  readonly kind = 'email' as const;
  readonly capabilities = emailCapabilities;
  private readonly transport: Transporter;

  constructor(readonly account: EmailAccount) {
    const relay = new URL(account.settings.smtpUrl);
    const user = decodeURIComponent(relay.username);
    this.transport = createTransport({
      host: relay.hostname,
      port: relay.port ? Number(relay.port) : relay.protocol === 'smtps:' ? 465 : 587,
      secure: relay.protocol === 'smtps:',
      ...(user && { auth: { user, pass: account.credentials.smtpPassword ?? '' } }),
    });
  }

  /** Mail comes through the SMTP listener, never through the HTTP callback. */
  verify(): VerifiedInbound {
    throw new KefuError('platform_signature_invalid', 'E-mail arrives through the SMTP listener');
  }

  parse(inbound: VerifiedInbound): InboundMessage[] {
    if (!(inbound.body instanceof ReceivedMail))
      throw new KefuError('validation_failed', 'Not a received e-mail');
    return [convertMailToInbound(inbound.body, this.account.id)];
  }

  async send(outbound: OutboundMessage): Promise<{ externalId: string | null }> {
    const to = outbound.recipient.externalId;
    if (!to) throw new DeliveryError('the conversation has no e-mail address to write to', false);
    const mail = composeReplyMail(this.account.settings, outbound, to);
    try {
      await this.transport.sendMail(mail);
    } catch (error) {
      throw new DeliveryError(describeSmtpError(error), !isPermanentRefusal(error));
    }
    return { externalId: mail.messageId };
  }

  async testConnection(): Promise<void> {
    try {
      await this.transport.verify();
    } catch (error) {
      throw new DeliveryError(describeSmtpError(error), true);
    }
  }
}

/** A 5xx answer of the relay: the mail will never be taken as it is. */
function isPermanentRefusal(error: unknown): boolean {
  return readResponseCode(error) >= 500;
}

function readResponseCode(error: unknown): number {
  if (error && typeof error === 'object' && 'responseCode' in error && typeof error.responseCode === 'number')
    return error.responseCode;
  return 0;
}

function describeSmtpError(error: unknown): string {
  const code = readResponseCode(error);
  const message = error instanceof Error ? error.message : 'unknown error';
  return code
    ? `the mail relay refused (${code}): ${message}`
    : `the mail relay could not be reached: ${message}`;
}
