import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerSession } from 'smtp-server';
import { KefuError } from '../../../errors';
import type { ChannelAccounts } from '../accounts/channelAccounts';
import type { MailIntake } from './emailInbound';
import { takeInMail } from './emailInbound';

/**
 * Larger mail is refused in the SMTP dialogue (552), before it is read: room for the attachments one message
 * may keep, base64-encoded (4/3 of their size), and the text around them; never less than 15 MiB.
 */
function maxMailBytes(intake: MailIntake): number {
  return Math.max(15 * 1024 * 1024, Math.ceil((intake.files.limits.messageMaxBytes * 4) / 3) + 1024 * 1024);
}

interface RunningListener {
  updatedAt: string;
  server: SMTPServer;
  address: AddressInfo;
}

/** An SMTP refusal: permanent (5xx, the sender bounces it) or temporary (4xx, the sender tries again). */
class SmtpRefusal extends Error {
  constructor(
    message: string,
    readonly responseCode: number,
  ) {
    super(message);
  }
}

/**
 * The built-in SMTP listeners, one per enabled e-mail account taking mail by SMTP (not IMAP), on the account's host and port: each takes mail
 * for the account's address only, parses it and hands it through the account's adapter to the one ingest
 * use-case; the mail is acknowledged (250) once stored. A malformed mail is refused (550) and nothing is
 * stored; a failure of Kefu's own is a 451, so the sending server tries again later.
 */
export class EmailListeners {
  private readonly running = new Map<string, RunningListener>();
  private syncing: Promise<void> = Promise.resolve();

  constructor(
    private readonly accounts: ChannelAccounts,
    private readonly intake: MailIntake,
    private readonly logger: { warn(details: object, message: string): void },
  ) {}

  /** Starts the listeners of new or changed accounts and stops those of disabled ones (one sync at a time). */
  sync(): Promise<void> {
    this.syncing = this.syncing.then(() => this.syncNow());
    return this.syncing;
  }

  /** Where an account's listener takes mail; null when it is not running. */
  addressOf(accountId: string): AddressInfo | null {
    return this.running.get(accountId)?.address ?? null;
  }

  async close(): Promise<void> {
    await this.syncing;
    await Promise.all([...this.running.keys()].map((id) => this.stop(id)));
  }

  private async syncNow(): Promise<void> {
    const wanted = (await this.accounts.list()).filter(
      (view) => view.kind === 'email' && view.enabled && view.settings.inbound !== 'imap',
    );
    for (const id of this.running.keys())
      if (!wanted.some((view) => view.id === id && view.updatedAt === this.running.get(id)?.updatedAt))
        await this.stop(id);
    for (const view of wanted)
      if (!this.running.has(view.id))
        await this.start(view.id, view.updatedAt).catch((error: unknown) =>
          this.logger.warn(
            { accountId: view.id, err: error instanceof Error ? error.message : 'unknown' },
            'the SMTP listener of an e-mail account could not start',
          ),
        );
  }

  private async start(accountId: string, updatedAt: string): Promise<void> {
    const account = await this.accounts.emailAccount(accountId);
    if (!account) return;
    const { settings } = account;
    const server = new SMTPServer({
      banner: 'Kefu',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: maxMailBytes(this.intake),
      logger: false,
      onRcptTo: (address, _session, callback) =>
        address.address.trim().toLowerCase() === settings.address
          ? callback()
          : callback(new SmtpRefusal('5.1.1 No such mailbox here', 550)),
      onData: (stream, session, callback) => {
        this.receive(accountId, stream, session).then(
          () => callback(),
          (error: unknown) => callback(this.refusalOf(error)),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(settings.listenPort, settings.listenHost, () => resolve());
    });
    server.on('error', (error) => this.logger.warn({ accountId, err: error.message }, 'SMTP listener error'));
    const address = server.server.address();
    if (!address || typeof address === 'string') throw new Error('the SMTP listener has no TCP address');
    this.running.set(accountId, { updatedAt, server, address });
  }

  private async stop(accountId: string): Promise<void> {
    const listener = this.running.get(accountId);
    this.running.delete(accountId);
    if (listener) await new Promise<void>((resolve) => listener.server.close(() => resolve()));
  }

  private async receive(accountId: string, stream: Readable, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) if (Buffer.isBuffer(chunk)) chunks.push(chunk);
    if ('sizeExceeded' in stream && stream.sizeExceeded === true)
      throw new SmtpRefusal('5.3.4 The mail is too large', 552);
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    if (!(await takeInMail(this.intake, accountId, Buffer.concat(chunks), envelopeFrom)))
      throw new SmtpRefusal('4.3.2 The mailbox is not taking mail now', 451);
  }

  private refusalOf(error: unknown): SmtpRefusal {
    if (error instanceof SmtpRefusal) return error;
    if (error instanceof KefuError && error.status < 500)
      return new SmtpRefusal(`5.6.0 ${error.message}`, 550);
    this.logger.warn(
      { err: error instanceof Error ? error.message : 'unknown' },
      'a received mail could not be stored',
    );
    return new SmtpRefusal('4.3.0 The mail could not be stored now; try again later', 451);
  }
}
