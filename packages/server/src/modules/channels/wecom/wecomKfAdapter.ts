import type { Clock } from '../../../clock';
import { KefuError } from '../../../errors';
import type { VerifiedKey } from '../../customers';
import type {
  ChannelAdapter,
  ChannelPuller,
  ChannelQuery,
  InboundMessage,
  OutboundMessage,
  PullAnnouncement,
  PulledBatch,
  VerifiedInbound,
} from '../channelAdapter';
import type { ChannelCapabilities } from '../channelAdapter';
import { DeliveryError } from '../channelAdapter';
import type { WeComKfCredentials, WeComKfSettings } from '../accounts/channelAccountSchemas';
import { WeChatApiClient } from '../wechat/wechatApiClient';
import { WeChatMessageCrypto } from '../wechat/wechatMessageCrypto';
import { decryptSignedWeChatCiphertext } from '../wechat/verifyWeChatPush';
import { readFields, wechatOfficialAccountCapabilities } from '../wechat/wechatOfficialAccountAdapter';
import type { WeChatRichSources } from '../wechat/wechatMedia';
import { WeChatMediaUploads } from '../wechat/wechatMedia';
import type { RichSendTarget } from '../wechat/wechatRichMessages';
import { sendRichWeChatMessage } from '../wechat/wechatRichMessages';
import { readWeChatXml } from '../wechat/wechatXml';
import {
  convertSyncedMessagesToInbound,
  customerBatchAnswerSchema,
  syncMessagesAnswerSchema,
} from './wecomKfMessages';

/** WeCom's session states (https://developer.work.weixin.qq.com/document/path/94669). */
const serviceStates = { untouched: 0, assistant: 1, pool: 2, person: 3, ended: 4 } as const;

/**
 * The same limits as an Official Account's customer-service messages (text, 48 hours, 5 seconds), and the
 * bot's choices as a menu message the shopper taps.
 */
export const wecomKfCapabilities: ChannelCapabilities = {
  ...wechatOfficialAccountCapabilities,
  quickReplies: true,
};

export interface WeComKfAccount {
  id: string;
  settings: WeComKfSettings;
  credentials: WeComKfCredentials;
}

/**
 * WeChat customer service (微信客服, served through WeCom): the callback only says that messages wait
 * (`kf_msg_or_event` with a short-lived Token), so the adapter pulls them with `kf/sync_msg` from the stored
 * cursor, answers with `kf/send_msg`, and moves the session to a person with `kf/service_state/trans`.
 * Callbacks are always encrypted (WeCom's AES scheme; the receiver id is the corp id).
 * https://developer.work.weixin.qq.com/document/path/94670
 */
export class WeComKfAdapter implements ChannelAdapter {
  readonly kind = 'wecom_kf' as const;
  readonly capabilities = wecomKfCapabilities;
  readonly acknowledgement = { contentType: 'text/plain; charset=utf-8', body: 'success' };
  readonly puller: ChannelPuller;
  private readonly api: WeChatApiClient;
  private readonly crypto: WeChatMessageCrypto;
  private readonly rich: RichSendTarget;

  constructor(
    private readonly account: WeComKfAccount,
    private readonly clock: Clock,
    sources: WeChatRichSources | null = null,
  ) {
    const { settings, credentials } = account;
    const tokenQuery = new URLSearchParams({ corpid: settings.corpId, corpsecret: credentials.secret });
    this.api = new WeChatApiClient(
      { baseUrl: settings.apiBaseUrl, tokenPath: `/cgi-bin/gettoken?${tokenQuery.toString()}` },
      clock,
    );
    this.crypto = new WeChatMessageCrypto(credentials.token, credentials.encodingAesKey, settings.corpId);
    this.puller = {
      announcement: (inbound) => this.readAnnouncement(inbound),
      pull: (announcement, cursor) => this.pull(announcement, cursor),
    };
    this.rich = {
      flavour: 'wecom_kf',
      api: this.api,
      media: new WeChatMediaUploads(this.api, clock),
      sources,
      sendPath: '/cgi-bin/kf/send_msg',
      envelope: (recipientId, partIndex, outbound) => ({
        touser: recipientId,
        open_kfid: settings.openKfId,
        msgid: partMsgId(outbound.idempotencyKey, partIndex),
      }),
    };
  }

  answerChallenge(query: ChannelQuery): string {
    return decryptSignedWeChatCiphertext(this.crypto, query, query.echostr ?? '', this.clock);
  }

  verify(rawBody: Buffer, _headers: unknown, query: ChannelQuery): VerifiedInbound {
    const ciphertext = readWeChatXml(rawBody.toString('utf8')).Encrypt;
    if (!ciphertext) throw new KefuError('platform_xml_invalid', 'The callback has no Encrypt');
    const plaintext = decryptSignedWeChatCiphertext(this.crypto, query, ciphertext, this.clock);
    return { customerId: null, body: readWeChatXml(plaintext) };
  }

  /** The callback carries no message itself: the puller fetches them. */
  parse(_inbound: VerifiedInbound): InboundMessage[] {
    return [];
  }

  send(outbound: OutboundMessage): Promise<{ externalId: string | null }> {
    return sendRichWeChatMessage(this.rich, outbound);
  }

  /**
   * A named WeCom member takes the session (state 3) when the account names one; otherwise Kefu's own agents
   * answer through `send_msg`, which WeChat allows only while the session is new (0) or held by the assistant
   * (1), so a new session is moved to 1 and never into WeChat's waiting pool. Read first with `service_state/get`,
   * so only the transitions WeCom documents are asked for.
   */
  async handToPerson(recipient: OutboundMessage['recipient']): Promise<void> {
    if (!recipient.externalId) return;
    const servicer = this.account.settings.handoffServicerUserId;
    const state = await this.sessionState(recipient.externalId);
    if (servicer && state < serviceStates.person)
      await this.changeSessionState(recipient.externalId, serviceStates.person, servicer);
    else if (!servicer && state === serviceStates.untouched)
      await this.changeSessionState(recipient.externalId, serviceStates.assistant);
  }

  /**
   * Back to the bot: a session a WeCom member holds is ended (3 → 4), as only that releases it; the shopper's
   * next message opens a new one the API may answer. A new session is moved to the assistant (0 → 1).
   */
  async handToBot(recipient: OutboundMessage['recipient']): Promise<void> {
    if (!recipient.externalId) return;
    const state = await this.sessionState(recipient.externalId);
    if (state === serviceStates.person)
      await this.changeSessionState(recipient.externalId, serviceStates.ended);
    else if (state === serviceStates.untouched)
      await this.changeSessionState(recipient.externalId, serviceStates.assistant);
  }

  private async sessionState(externalUserId: string): Promise<number> {
    const answer = await this.api.post('/cgi-bin/kf/service_state/get', {
      open_kfid: this.account.settings.openKfId,
      external_userid: externalUserId,
    });
    if (typeof answer.service_state !== 'number')
      throw new DeliveryError('WeCom answered service_state/get without a state', true);
    return answer.service_state;
  }

  private async changeSessionState(externalUserId: string, state: number, servicer?: string): Promise<void> {
    await this.api.post('/cgi-bin/kf/service_state/trans', {
      open_kfid: this.account.settings.openKfId,
      external_userid: externalUserId,
      service_state: state,
      ...(servicer && { servicer_userid: servicer }),
    });
  }

  /**
   * The shopper's unionid, which WeCom names (`kf/customer/batchget`) when the kf account's enterprise is bound
   * to the WeChat Open Platform account the Official Account belongs to: the same shopper there is joined.
   * https://developer.work.weixin.qq.com/document/path/95159
   */
  async verifiedKeysOf(externalId: string): Promise<VerifiedKey[]> {
    const answer = customerBatchAnswerSchema.parse(
      await this.api.post('/cgi-bin/kf/customer/batchget', {
        external_userid_list: [externalId],
        need_enter_session_context: 0,
      }),
    );
    const unionId = answer.customer_list?.find(
      (customer) => customer.external_userid === externalId,
    )?.unionid;
    return unionId ? [{ kind: 'wechat_unionid', value: unionId }] : [];
  }

  async testConnection(): Promise<void> {
    await this.api.refreshToken();
  }

  private readAnnouncement(inbound: VerifiedInbound): PullAnnouncement | null {
    const fields = readFields(inbound.body);
    if (fields.Event !== 'kf_msg_or_event' || !fields.Token) return null;
    const scope = fields.OpenKfId ?? null;
    if (scope !== null && scope !== this.account.settings.openKfId) return null;
    return { token: fields.Token, scope };
  }

  private async pull(announcement: PullAnnouncement, cursor: string | null): Promise<PulledBatch> {
    const answer = syncMessagesAnswerSchema.parse(
      await this.api.post('/cgi-bin/kf/sync_msg', {
        ...(cursor && { cursor }),
        token: announcement.token,
        limit: 1000,
        open_kfid: this.account.settings.openKfId,
      }),
    );
    return {
      messages: convertSyncedMessagesToInbound(answer.msg_list, {
        accountId: this.account.id,
        openKfId: this.account.settings.openKfId,
      }),
      nextCursor: answer.next_cursor ?? cursor,
      hasMore: answer.has_more === 1,
    };
  }
}

/**
 * A part's msgid: WeCom drops a second message with the same msgid, so a retried part is sent once. The first
 * part keeps the delivery's key (at most 32 of WeCom's characters); later ones add `-<n>`.
 */
function partMsgId(idempotencyKey: string, partIndex: number): string {
  const key = idempotencyKey.replace(/[^0-9A-Za-z_-]/g, '');
  return partIndex === 0 ? key.slice(0, 32) : `${key.slice(0, 28)}-${partIndex}`;
}
