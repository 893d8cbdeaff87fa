import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's message encryption ("safe mode"), shared by Official Accounts, mini programs and WeCom: the
 * EncodingAESKey is 43 characters of base64 for a 32-byte AES key; the message is
 * random(16) + length(4, big-endian) + message + receiver id (the app id or corp id), PKCS#7-padded to a
 * multiple of 32 bytes and encrypted with AES-256-CBC, the IV being the key's first 16 bytes. The signature
 * is SHA-1 over the sorted strings (token, timestamp, nonce and, in safe mode, the ciphertext), joined.
 * https://developer.work.weixin.qq.com/document/path/90968
 */
export class WeChatMessageCrypto {
  private readonly key: Buffer;

  constructor(
    private readonly token: string,
    encodingAesKey: string,
    private readonly receiverId: string,
  ) {
    this.key = parseEncodingAesKey(encodingAesKey);
  }

  /** True when `signature` is the SHA-1 over the sorted parts with this token (constant-time compare). */
  verifySignature(signature: string, parts: readonly string[]): boolean {
    return signaturesMatch(signature, signWeChat(this.token, parts));
  }

  sign(parts: readonly string[]): string {
    return signWeChat(this.token, parts);
  }

  /** The plaintext of a base64 ciphertext; throws when it is not ours (bad padding, length or receiver). */
  decrypt(ciphertext: string): string {
    const decipher = createDecipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16));
    decipher.setAutoPadding(false);
    const padded = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
    const plain = removePadding(padded);
    if (plain.length < 20) throw new Error('the decrypted message is too short');
    const length = plain.readUInt32BE(16);
    if (20 + length > plain.length) throw new Error('the decrypted message length is wrong');
    const receiver = plain.subarray(20 + length).toString('utf8');
    if (receiver !== this.receiverId) throw new Error('the message was encrypted for another receiver');
    return plain.subarray(20, 20 + length).toString('utf8');
  }

  /** Encrypts as the platform does (its random prefix unless given): replies, and platforms in tests. */
  encrypt(message: string, random: Buffer = randomBytes(16)): string {
    const body = Buffer.from(message, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const plain = Buffer.concat([random, length, body, Buffer.from(this.receiverId, 'utf8')]);
    const cipher = createCipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16));
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(addPadding(plain)), cipher.final()]).toString('base64');
  }
}

/** SHA-1 (hex) of the parts sorted as strings and joined: WeChat's `signature` and `msg_signature`. */
export function signWeChat(token: string, parts: readonly string[]): string {
  const sorted = [token, ...parts].sort();
  return createHash('sha1').update(sorted.join('')).digest('hex');
}

export function signaturesMatch(given: string, expected: string): boolean {
  const left = Buffer.from(given.toLowerCase());
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function isEncodingAesKey(value: string): boolean {
  return /^[A-Za-z0-9]{43}$/.test(value);
}

function parseEncodingAesKey(encodingAesKey: string): Buffer {
  if (!isEncodingAesKey(encodingAesKey)) throw new Error('an EncodingAESKey is 43 letters and digits');
  return Buffer.from(`${encodingAesKey}=`, 'base64');
}

const blockSize = 32;

function addPadding(plain: Buffer): Buffer {
  const amount = blockSize - (plain.length % blockSize);
  return Buffer.concat([plain, Buffer.alloc(amount, amount)]);
}

function removePadding(padded: Buffer): Buffer {
  const amount = padded[padded.length - 1] ?? 0;
  if (amount < 1 || amount > blockSize || amount > padded.length) throw new Error('bad padding');
  return padded.subarray(0, padded.length - amount);
}
