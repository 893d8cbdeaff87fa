import { randomInt } from 'node:crypto';
import type { WeChatMessageCrypto } from './wechatMessageCrypto';

/** What a passive reply answers: the push's sender and the account it reached (from the push's XML). */
export interface PassiveReplyAddress {
  /** The follower's openid: the push's FromUserName. */
  follower: string;
  /** The account's original id (gh_…): the push's ToUserName. */
  account: string;
}

/**
 * A text passive reply (被动回复用户消息) as WeChat reads it in the response to its push: the follower and the
 * account swap places, CreateTime in seconds. One message per push; WeChat shows it as the account's answer.
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html
 */
export function passiveTextReplyXml(address: PassiveReplyAddress, text: string, createdAt: Date): string {
  return [
    '<xml>',
    `<ToUserName>${cdata(address.follower)}</ToUserName>`,
    `<FromUserName>${cdata(address.account)}</FromUserName>`,
    `<CreateTime>${Math.floor(createdAt.getTime() / 1000)}</CreateTime>`,
    `<MsgType>${cdata('text')}</MsgType>`,
    `<Content>${cdata(text)}</Content>`,
    '</xml>',
  ].join('');
}

/**
 * Safe mode: the reply encrypted for the account (AES, as the inbound) in WeChat's envelope, with
 * `MsgSignature` over the token, TimeStamp, Nonce and the ciphertext, as WeChat checks it.
 */
export function sealPassiveReply(crypto: WeChatMessageCrypto, xml: string, now: Date): string {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = String(randomInt(1_000_000_000, 2_147_483_647));
  const encrypted = crypto.encrypt(xml);
  const signature = crypto.sign([timestamp, nonce, encrypted]);
  return [
    '<xml>',
    `<Encrypt>${cdata(encrypted)}</Encrypt>`,
    `<MsgSignature>${cdata(signature)}</MsgSignature>`,
    `<TimeStamp>${timestamp}</TimeStamp>`,
    `<Nonce>${cdata(nonce)}</Nonce>`,
    '</xml>',
  ].join('');
}

/** A CDATA section holding any text: a `]]>` inside is split across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
