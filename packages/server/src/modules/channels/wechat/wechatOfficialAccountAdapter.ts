import type { Clock } from '../../../clock';
import { KefuError } from '../../../errors';
import type {
  ChannelAdapter,
  ChannelCapabilities,
  ChannelQuery,
  InboundMessage,
  OutboundMessage,
  PushResponse,
  VerifiedInbound,
} from '../channelAdapter';
import { recipientAndText } from '../outboundText';
import type { VerifiedKey } from '../../customers';
import type { WeChatCredentials, WeChatSettings } from '../accounts/channelAccountSchemas';
import { WeChatApiClient } from './wechatApiClient';
import type { WeChatRichSources } from './wechatMedia';
import type { RichSendTarget } from './wechatRichMessages';
import { customServiceTarget, sendRichWeChatMessage } from './wechatRichMessages';
import { convertWeChatFieldsToInbound } from './wechatInboundMessages';
import { WeChatMessageCrypto } from './wechatMessageCrypto';
import { decryptSignedWeChatCiphertext, verifyPlainWeChatSignature } from './verifyWeChatPush';
import { readWeChatJson } from './wechatJson';
import { readWeChatXml } from './wechatXml';
import { passiveTextReplyXml, sealPassiveReply } from './wechatPassiveReply';

/**
 * Official Accounts take text in customer-service messages (2,048 bytes: 600 Chinese characters leave room),
 * only within 48 hours of the follower's last message, and retry a push not answered in 5 seconds. Photos
 * (uploaded as temporary media) and product cards go as messages of their own (see wechatRichMessages);
 * quick replies become text (see fitMessageToChannel).
 */
export const wechatOfficialAccountCapabilities: ChannelCapabilities = {
  cards: true,
  images: true,
  quickReplies: false,
  maxTextLength: 600,
  replyWindowMs: 48 * 60 * 60 * 1000,
  replyDeadlineMs: 5_000,
};

/** How far the signed timestamp may be from now: the signature does not cover a plain-mode body. */
export const wechatTimestampToleranceSeconds = 5 * 60;

export interface WeChatAccount {
  id: string;
  settings: WeChatSettings;
  credentials: WeChatCredentials;
}

/** How an account's pushes are written: Official Accounts push XML; mini programs JSON (their console's choice). */
export interface WeChatPushFormat {
  kind: 'wechat' | 'miniprogram';
  read(text: string): Record<string, string>;
}

export const officialAccountPushes: WeChatPushFormat = { kind: 'wechat', read: readWeChatXml };
export const miniProgramPushes: WeChatPushFormat = { kind: 'miniprogram', read: readWeChatJson };

/**
 * A WeChat Official Account (公众号), or a mini program's customer-service messages (the same protocol in JSON): the URL check (`signature` over token, timestamp, nonce → `echostr`),
 * pushed XML in plain or safe mode (`msg_signature`, AES). The push is answered with the bot's reply as a passive
 * reply when it is ready within the wait (see passiveReply.ts), else with `success` — the reply then goes
 * through the customer-service message API, which is not bound to the 5-second deadline.
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
 */
export class WeChatOfficialAccountAdapter implements ChannelAdapter {
  readonly kind: WeChatPushFormat['kind'];
  readonly capabilities = wechatOfficialAccountCapabilities;
  readonly acknowledgement = { contentType: 'text/plain; charset=utf-8', body: 'success' };
  /** Official Accounts only: mini programs take no passive text reply. */
  readonly passiveReply?: ChannelAdapter['passiveReply'];
  private readonly api: WeChatApiClient;
  private readonly crypto: WeChatMessageCrypto | null;
  private readonly rich: RichSendTarget;

  constructor(
    private readonly account: WeChatAccount,
    private readonly clock: Clock,
    private readonly pushes: WeChatPushFormat = officialAccountPushes,
    sources: WeChatRichSources | null = null,
  ) {
    this.kind = pushes.kind;
    if (pushes.kind === 'wechat')
      this.passiveReply = (inbound, query, outbound, sentAt) =>
        this.passiveTextReply(inbound, query, outbound, sentAt);
    const { settings, credentials } = account;
    const tokenQuery = new URLSearchParams({
      grant_type: 'client_credential',
      appid: settings.appId,
      secret: credentials.appSecret,
    });
    this.api = new WeChatApiClient(
      { baseUrl: settings.apiBaseUrl, tokenPath: `/cgi-bin/token?${tokenQuery.toString()}` },
      clock,
    );
    this.crypto = credentials.encodingAesKey
      ? new WeChatMessageCrypto(credentials.token, credentials.encodingAesKey, settings.appId)
      : null;
    this.rich = customServiceTarget(this.kind, this.api, clock, sources, settings.productPagePath ?? null);
  }

  answerChallenge(query: ChannelQuery): string {
    this.checkPlainSignature(query);
    const echo = query.echostr;
    if (!echo) throw new KefuError('platform_signature_invalid');
    return echo;
  }

  verify(rawBody: Buffer, _headers: unknown, query: ChannelQuery): VerifiedInbound {
    const encrypted = query.encrypt_type === 'aes';
    if (this.account.settings.encryption === 'safe' && !encrypted)
      throw new KefuError(
        'platform_signature_invalid',
        'This account takes only encrypted (safe mode) messages',
      );
    if (!encrypted) {
      this.checkPlainSignature(query);
      return { customerId: null, body: this.pushes.read(rawBody.toString('utf8')) };
    }
    return { customerId: null, body: this.pushes.read(this.decryptBody(rawBody, query)) };
  }

  parse(inbound: VerifiedInbound): InboundMessage[] {
    const fields = readFields(inbound.body);
    const message = convertWeChatFieldsToInbound(fields, { channel: this.kind, accountId: this.account.id });
    return message ? [message] : [];
  }

  /**
   * An Official Account's answer in the response to the follower's push, as plain XML or, when the push came
   * encrypted, sealed and signed like it.
   */
  private passiveTextReply(
    inbound: VerifiedInbound,
    query: ChannelQuery,
    outbound: OutboundMessage,
    sentAt: Date,
  ): PushResponse | null {
    // A photo or a card goes through the API (media upload, news): passively only a text answers the push.
    if (outbound.message.card || outbound.message.attachments.length > 0) return null;
    const fields = readFields(inbound.body);
    const { recipientId, text } = recipientAndText(outbound, { name: 'WeChat', shopper: 'follower' });
    if (recipientId !== fields.FromUserName || !fields.ToUserName) return null;
    const xml = passiveTextReplyXml({ follower: recipientId, account: fields.ToUserName }, text, sentAt);
    const contentType = 'application/xml; charset=utf-8';
    if (query.encrypt_type !== 'aes') return { contentType, body: xml };
    // An encrypted push was only taken with the account's key (see verify), so there is one here.
    return this.crypto ? { contentType, body: sealPassiveReply(this.crypto, xml, this.clock.now()) } : null;
  }

  send(outbound: OutboundMessage): Promise<{ externalId: string | null }> {
    return sendRichWeChatMessage(this.rich, outbound);
  }

  /**
   * The follower's unionid (one id for the person across the shop's WeChat apps), which WeChat names when the
   * account is bound to the shop's Open Platform: `/cgi-bin/user/info`. Nothing for mini programs, unbound
   * accounts and followers who left.
   * https://developers.weixin.qq.com/doc/offiaccount/User_Management/Get_users_basic_information_UnionID.html
   */
  async verifiedKeysOf(externalId: string): Promise<VerifiedKey[]> {
    if (this.kind !== 'wechat') return [];
    const query = new URLSearchParams({ openid: externalId, lang: 'zh_CN' });
    const answer = await this.api.get(`/cgi-bin/user/info?${query.toString()}`);
    const unionId = answer.unionid;
    return typeof unionId === 'string' && unionId.length > 0
      ? [{ kind: 'wechat_unionid', value: unionId }]
      : [];
  }

  async testConnection(): Promise<void> {
    await this.api.refreshToken();
  }

  private checkPlainSignature(query: ChannelQuery): void {
    verifyPlainWeChatSignature(this.account.credentials.token, query, this.clock);
  }

  private decryptBody(rawBody: Buffer, query: ChannelQuery): string {
    if (!this.crypto)
      throw new KefuError('platform_signature_invalid', 'Set the EncodingAESKey to take safe-mode messages');
    const ciphertext = this.pushes.read(rawBody.toString('utf8')).Encrypt;
    if (!ciphertext) throw new KefuError('platform_xml_invalid', 'The encrypted message has no Encrypt');
    return decryptSignedWeChatCiphertext(this.crypto, query, ciphertext, this.clock);
  }
}

export function readFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (body && typeof body === 'object')
    for (const [name, value] of Object.entries(body)) if (typeof value === 'string') fields[name] = value;
  return fields;
}
