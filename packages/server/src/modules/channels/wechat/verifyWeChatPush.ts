import type { Clock } from '../../../clock';
import { KefuError } from '../../../errors';
import type { ChannelQuery } from '../channelAdapter';
import type { WeChatMessageCrypto } from './wechatMessageCrypto';
import { signaturesMatch, signWeChat } from './wechatMessageCrypto';

/** How far the signed timestamp may be from now: the signature does not cover a plain-mode body. */
export const wechatTimestampToleranceSeconds = 5 * 60;

/** Plain mode and URL checks: `signature` over token, timestamp and nonce; a 401 otherwise. */
export function verifyPlainWeChatSignature(token: string, query: ChannelQuery, clock: Clock): void {
  const { timestamp, nonce } = freshTimestampAndNonce(query, clock);
  if (!signaturesMatch(query.signature ?? '', signWeChat(token, [timestamp, nonce])))
    throw new KefuError('platform_signature_invalid');
}

/**
 * Safe mode (Official Accounts, WeCom): `msg_signature` over token, timestamp, nonce and the ciphertext,
 * then the plaintext; a 401 when the signature, the time or the key does not fit.
 */
export function decryptSignedWeChatCiphertext(
  crypto: WeChatMessageCrypto,
  query: ChannelQuery,
  ciphertext: string,
  clock: Clock,
): string {
  const { timestamp, nonce } = freshTimestampAndNonce(query, clock);
  if (!ciphertext || !crypto.verifySignature(query.msg_signature ?? '', [timestamp, nonce, ciphertext]))
    throw new KefuError('platform_signature_invalid');
  try {
    return crypto.decrypt(ciphertext);
  } catch {
    throw new KefuError('platform_signature_invalid', 'The message does not decrypt with this account’s key');
  }
}

function freshTimestampAndNonce(query: ChannelQuery, clock: Clock): { timestamp: string; nonce: string } {
  const { timestamp, nonce } = query;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !nonce)
    throw new KefuError('platform_signature_invalid');
  const skewSeconds = Math.abs(clock.now().getTime() / 1000 - Number(timestamp));
  if (skewSeconds > wechatTimestampToleranceSeconds) throw new KefuError('platform_signature_invalid');
  return { timestamp, nonce };
}
