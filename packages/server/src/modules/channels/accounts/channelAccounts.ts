import type { Clock } from '../../../clock';
import type { Db } from '../../../db/database';
import { KefuError } from '../../../errors';
import { newId } from '../../../ids';
import { recordAudit } from '../../audit';
import type { ChannelAdapter } from '../channelAdapter';
import { DeliveryError } from '../channelAdapter';
import {
  miniProgramPushes,
  officialAccountPushes,
  WeChatOfficialAccountAdapter,
} from '../wechat/wechatOfficialAccountAdapter';
import { EmailChannelAdapter } from '../email/emailChannelAdapter';
import { WeComKfAdapter } from '../wecom/wecomKfAdapter';
import { TelegramBotAdapter } from '../telegram/telegramBotAdapter';
import type { ShopperPhotos } from '../platformPhotos';
import { WeiboAdapter } from '../weibo/weiboAdapter';
import type { WeChatRichSources } from '../wechat/wechatMedia';
import { testImapMailbox } from '../email/imapMailbox';
import type { ImapMailboxStateRow } from '../email/imapMailboxStatesRepo';
import { listImapMailboxStates, toMailboxStatus } from '../email/imapMailboxStatesRepo';
import type {
  ChannelAccountView,
  ConnectionTest,
  CreateChannelAccountInput,
  UpdateChannelAccountInput,
} from './channelAccountSchemas';
import type { ChannelAccountRow } from './channelAccountsRepo';
import {
  findChannelAccount,
  insertChannelAccount,
  listChannelAccountRows,
  saveSyncCursor,
  updateChannelAccountRow,
} from './channelAccountsRepo';
import type { ChannelCredentialSeal } from './channelCredentialSeal';
import type { OpenedChannelAccount } from './openChannelAccount';
import { checkAccountFields, openChannelAccount } from './openChannelAccount';

/**
 * Channel accounts set up from the console: created, changed and disabled by admins (audited, credentials
 * sealed and never shown again), and the adapter of each account, built from its row and kept while the row
 * is unchanged (so its access token stays cached between messages).
 */
export class ChannelAccounts {
  private readonly adapters = new Map<string, { updatedAt: string; adapter: ChannelAdapter }>();
  private readonly changeListeners: Array<() => Promise<void>> = [];

  constructor(
    private readonly db: Db,
    private readonly seal: ChannelCredentialSeal,
    private readonly clock: Clock,
    private readonly publicUrl: string | null,
    /** The shopper's photos, which adapters that send photos (Telegram) upload to their platform. */
    private readonly photos: ShopperPhotos | null = null,
    /** Where WeChat adapters read the photos and card pictures they upload. */
    private readonly richSources: WeChatRichSources | null = null,
  ) {}

  async list(): Promise<ChannelAccountView[]> {
    const mailboxes = new Map(
      (await listImapMailboxStates(this.db)).map((state) => [state.account_id, state]),
    );
    return (await listChannelAccountRows(this.db)).map((row) => this.toView(row, mailboxes.get(row.id)));
  }

  async create(input: CreateChannelAccountInput, actorId: string): Promise<ChannelAccountView> {
    const checked = checkAccountFields(input.kind, input.settings, input.credentials);
    const now = this.clock.now().toISOString();
    const id = newId('chn');
    const row: ChannelAccountRow = {
      id,
      kind: input.kind,
      name: input.name,
      settings: JSON.stringify(checked.settings),
      credentials: this.seal.seal(id, checked.credentials),
      enabled: 1,
      sync_cursor: null,
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      await insertChannelAccount(trx, row);
      await this.audit(trx, actorId, 'channel_account.created', row, { changed: Object.keys(input) });
    });
    await this.announceChange();
    return this.toView(row);
  }

  /** Runs after an account is created or changed (the e-mail listeners follow their accounts). */
  onChange(listener: () => Promise<void>): void {
    this.changeListeners.push(listener);
  }

  /** An enabled e-mail account, opened (its listener's settings); null for any other account. */
  async emailAccount(id: string): Promise<(OpenedChannelAccount & { kind: 'email' }) | null> {
    const row = await findChannelAccount(this.db, id);
    if (!row || row.enabled !== 1) return null;
    const account = openChannelAccount(row, this.seal);
    return account.kind === 'email' ? account : null;
  }

  private async announceChange(): Promise<void> {
    for (const listener of this.changeListeners) await listener();
  }

  async update(id: string, input: UpdateChannelAccountInput, actorId: string): Promise<ChannelAccountView> {
    const view = await this.db.transaction().execute(async (trx) => {
      const row = await findChannelAccount(trx, id);
      if (!row) throw new KefuError('channel_account_not_found');
      const account = openChannelAccount(row, this.seal);
      const checked = checkAccountFields(
        account.kind,
        { ...account.settings, ...input.settings },
        { ...account.credentials, ...input.credentials },
      );
      const changes = {
        name: input.name ?? row.name,
        settings: JSON.stringify(checked.settings),
        credentials: this.seal.seal(id, checked.credentials),
        enabled: input.enabled === undefined ? row.enabled : Number(input.enabled),
        updated_at: this.clock.now().toISOString(),
      };
      await updateChannelAccountRow(trx, id, changes);
      const action = input.enabled === false ? 'channel_account.disabled' : 'channel_account.updated';
      await this.audit(trx, actorId, action, row, {
        changed: Object.keys(input),
        credentialsChanged: Object.keys(input.credentials ?? {}),
      });
      return this.toView({ ...row, ...changes });
    });
    await this.announceChange();
    return view;
  }

  /**
   * The console's "test connection": proves the stored credentials with the platform (Telegram: and sets the
   * webhook; an IMAP mailbox: logs in, opens the folder and counts its mail, then the relay).
   */
  async testConnection(id: string): Promise<ConnectionTest> {
    const row = await findChannelAccount(this.db, id);
    if (!row) throw new KefuError('channel_account_not_found');
    const account = openChannelAccount(row, this.seal);
    if (account.kind !== 'email' || account.settings.inbound !== 'imap') return this.testAdapter(row);
    const mailbox = await testImapMailbox(account.settings, account.credentials);
    if (!mailbox.ok) return mailbox;
    const relay = await this.testAdapter(row);
    return relay.ok ? mailbox : relay;
  }

  private async testAdapter(row: ChannelAccountRow): Promise<ConnectionTest> {
    try {
      await this.adapterOf(row).testConnection?.();
      return { ok: true, reason: null, problem: null, messageCount: null };
    } catch (error) {
      if (error instanceof DeliveryError)
        return { ok: false, reason: error.message, problem: null, messageCount: null };
      throw error;
    }
  }

  /** The adapter of an enabled account of this kind; null when there is none (unknown, other kind, disabled). */
  async adapterFor(kind: string, accountId: string): Promise<ChannelAdapter | null> {
    const row = await findChannelAccount(this.db, accountId);
    if (!row || row.kind !== kind || row.enabled !== 1) return null;
    return this.adapterOf(row);
  }

  async readCursor(accountId: string): Promise<string | null> {
    return (await findChannelAccount(this.db, accountId))?.sync_cursor ?? null;
  }

  async saveCursor(accountId: string, cursor: string | null): Promise<void> {
    await saveSyncCursor(this.db, accountId, cursor);
  }

  private adapterOf(row: ChannelAccountRow): ChannelAdapter {
    const cached = this.adapters.get(row.id);
    if (cached && cached.updatedAt === row.updated_at) return cached.adapter;
    const adapter = createAccountAdapter(
      openChannelAccount(row, this.seal),
      this.clock,
      this.toView(row).callbackUrl,
      this.photos,
      this.richSources,
    );
    this.adapters.set(row.id, { updatedAt: row.updated_at, adapter });
    return adapter;
  }

  private toView(row: ChannelAccountRow, mailbox?: ImapMailboxStateRow): ChannelAccountView {
    const account = openChannelAccount(row, this.seal);
    const polls = account.kind === 'email' && account.settings.inbound === 'imap';
    const callbackPath = `/api/v1/channels/${account.kind}/accounts/${row.id}/inbound`;
    return {
      id: row.id,
      kind: account.kind,
      name: row.name,
      enabled: account.enabled,
      settings: { ...account.settings },
      credentialsSet: Object.keys(account.credentials).sort(),
      callbackPath,
      callbackUrl: this.publicUrl ? `${this.publicUrl.replace(/\/+$/, '')}${callbackPath}` : null,
      mailbox: polls && mailbox ? toMailboxStatus(mailbox) : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  private async audit(
    trx: Parameters<typeof recordAudit>[0],
    actorId: string,
    action: string,
    row: ChannelAccountRow,
    data: Record<string, unknown>,
  ): Promise<void> {
    await recordAudit(
      trx,
      {
        actorType: 'agent',
        actorId,
        action,
        targetType: 'channel_account',
        targetId: row.id,
        data: { kind: row.kind, ...data },
      },
      this.clock.now(),
    );
  }
}

/** One adapter per account kind: a kind added to the list does not compile until it is built here. */
function createAccountAdapter(
  account: OpenedChannelAccount,
  clock: Clock,
  callbackUrl: string | null,
  photos: ShopperPhotos | null,
  richSources: WeChatRichSources | null,
): ChannelAdapter {
  switch (account.kind) {
    case 'wechat':
      return new WeChatOfficialAccountAdapter(account, clock, officialAccountPushes, richSources);
    case 'miniprogram':
      return new WeChatOfficialAccountAdapter(account, clock, miniProgramPushes, richSources);
    case 'wecom_kf':
      return new WeComKfAdapter(account, clock, richSources);
    case 'email':
      return new EmailChannelAdapter(account);
    case 'telegram':
      return new TelegramBotAdapter({ ...account, callbackUrl }, photos);
    case 'weibo':
      return new WeiboAdapter(account, clock);
  }
}
