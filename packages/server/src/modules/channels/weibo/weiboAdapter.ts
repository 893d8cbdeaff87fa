import type { Clock } from '../../../clock';
import type {
  ChannelAdapter,
  ChannelCapabilities,
  ChannelQuery,
  InboundMessage,
  OutboundMessage,
  VerifiedInbound,
} from '../channelAdapter';
import { DeliveryError } from '../channelAdapter';
import type { WeiboCredentials, WeiboSettings } from '../accounts/channelAccountSchemas';
import { parseJsonBody } from '../parseJsonBody';
import { recipientAndText } from '../outboundText';
import { KefuError } from '../../../errors';
import { convertWeiboPushToInbound, readWeiboPush, verifyWeiboSignature } from './weiboPushes';
import { WeiboApi } from './weiboApi';

/**
 * Weibo private messages take text (under 300 Chinese characters), for 48 hours after the shopper's last
 * message; a push not answered in 5 seconds is sent again (three times).
 */
export const weiboCapabilities: ChannelCapabilities = {
  cards: false,
  images: false,
  quickReplies: false,
  maxTextLength: 300,
  replyWindowMs: 48 * 60 * 60 * 1000,
  replyDeadlineMs: 5_000,
};

export interface WeiboAccount {
  id: string;
  settings: WeiboSettings;
  credentials: WeiboCredentials;
}

/**
 * A Weibo account's private messages through the fan-service platform (粉丝服务平台) in developer mode: the
 * URL check answers `echostr`, each push is verified (`signature` with the App Secret) and answered with an
 * empty body at once — which Weibo takes as "no passive reply" and does not retry —, and the bot's reply
 * goes through `messages/reply.json` with the account's access token.
 * https://open.weibo.com/wiki/Messages_api_start
 */
export class WeiboAdapter implements ChannelAdapter {
  readonly kind = 'weibo' as const;
  readonly capabilities = weiboCapabilities;
  readonly acknowledgement = { contentType: 'text/plain; charset=utf-8', body: '' };
  private readonly api: WeiboApi;

  constructor(
    private readonly account: WeiboAccount,
    private readonly clock: Clock,
  ) {
    this.api = new WeiboApi(account.settings.apiBaseUrl ?? null, account.credentials.accessToken);
  }

  answerChallenge(query: ChannelQuery): string {
    verifyWeiboSignature(this.account.credentials.appSecret, query, this.clock);
    if (!query.echostr) throw new KefuError('platform_signature_invalid');
    return query.echostr;
  }

  verify(rawBody: Buffer, _headers: unknown, query: ChannelQuery): VerifiedInbound {
    verifyWeiboSignature(this.account.credentials.appSecret, query, this.clock);
    return { customerId: null, body: readWeiboPush(parseJsonBody(rawBody)) };
  }

  parse(inbound: VerifiedInbound): InboundMessage[] {
    const target = { id: this.account.id, uid: this.account.settings.uid };
    const message = convertWeiboPushToInbound(readWeiboPush(inbound.body), target);
    return message ? [message] : [];
  }

  async send(outbound: OutboundMessage): Promise<{ externalId: string | null }> {
    const { recipientId, text } = recipientAndText(outbound, { name: 'Weibo', shopper: 'user' });
    return { externalId: await this.api.replyWithText(recipientId, text) };
  }

  /** Asks Weibo whose the access token is: it must be valid and belong to this account's uid. */
  async testConnection(): Promise<void> {
    const uid = await this.api.tokenOwner();
    if (uid !== this.account.settings.uid)
      throw new DeliveryError(
        `the access token belongs to Weibo user ${uid}, not ${this.account.settings.uid}`,
        false,
      );
  }
}
