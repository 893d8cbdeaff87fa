import { KefuError } from '../../../errors';
import type { ChannelAdapter, ChannelCapabilities } from '../channelAdapter';
import { DeliveryError } from '../channelAdapter';
import { wechatOfficialAccountCapabilities } from '../wechat/wechatOfficialAccountAdapter';
import { wecomKfCapabilities } from '../wecom/wecomKfAdapter';
import { telegramCapabilities } from '../telegram/telegramBotAdapter';
import { weiboCapabilities } from '../weibo/weiboAdapter';
import type { ChannelKind } from '../../../channelKinds';

/** The kinds whose adapter is not built yet: every kind has a registry entry all the same. */
export type UnconnectedChannelKind = Exclude<ChannelKind, 'web' | 'app'>;

/** What the platforms document, so conversations of these kinds are fitted right without an account. */
function capabilitiesOf(kind: UnconnectedChannelKind): ChannelCapabilities {
  switch (kind) {
    case 'wechat':
    case 'miniprogram':
      return wechatOfficialAccountCapabilities;
    case 'wecom_kf':
      return wecomKfCapabilities;
    case 'email':
      return textOnly(20_000);
    case 'webhook':
      return textOnly(4_000);
    case 'telegram':
      return telegramCapabilities;
    case 'weibo':
      return weiboCapabilities;
  }
}

function textOnly(maxTextLength: number): ChannelCapabilities {
  return {
    cards: false,
    images: false,
    quickReplies: false,
    maxTextLength,
    replyWindowMs: null,
    replyDeadlineMs: null,
  };
}

/**
 * A channel kind this deployment has no adapter for: its inbound endpoint answers 404 and a message to one of
 * its conversations fails its delivery at once (nothing can reach the shopper there).
 */
export function createUnconnectedChannelAdapter(kind: UnconnectedChannelKind): ChannelAdapter {
  return {
    kind,
    capabilities: capabilitiesOf(kind),
    verify: () => {
      throw new KefuError('channel_not_connected');
    },
    parse: () => {
      throw new KefuError('channel_not_connected');
    },
    send: async () => {
      throw new DeliveryError(`the ${kind} channel is not connected`, false);
    },
  };
}
