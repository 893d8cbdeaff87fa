import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface DataKey {
  /** Named in every value it encrypts, so a value is read with the key that wrote it. */
  id: string;
  /** 32 bytes for AES-256-GCM. */
  key: Buffer;
}

export type BlindIndexKind = 'phone' | 'email';

const prefix = 'enc:v1:';
const ivBytes = 12;
const tagBytes = 16;

/**
 * Encrypts personal-data fields with AES-256-GCM under the current data key: `enc:v1:<key id>:<base64url of
 * iv, tag, ciphertext>`. The column name is authenticated with it, so a value copied into another column does
 * not decrypt. Values written under an older key stay readable (rotation); text without the prefix is a
 * value from before encryption and is read as it is. Blind indexes (HMAC-SHA256) let a phone or e-mail be
 * looked up without storing it in clear.
 */
export class FieldCipher {
  private readonly keysById: ReadonlyMap<string, Buffer>;
  private readonly current: DataKey;

  constructor(
    keys: readonly DataKey[],
    private readonly blindIndexKey: Buffer,
  ) {
    const [current] = keys;
    if (!current) throw new Error('at least one data key is needed');
    this.current = current;
    this.keysById = new Map(keys.map((entry) => [entry.id, entry.key]));
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  encrypt(plaintext: string, column: string): string {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(column));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const sealed = Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
    return `${prefix}${this.current.id}:${sealed}`;
  }

  /** The plaintext; a value that is not ours (or was tampered with) is returned unchanged. */
  decrypt(value: string, column: string): string {
    const parsed = parseSealed(value);
    const key = parsed ? this.keysById.get(parsed.keyId) : undefined;
    if (!parsed || !key || parsed.sealed.length < ivBytes + tagBytes) return value;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, parsed.sealed.subarray(0, ivBytes));
      decipher.setAAD(Buffer.from(column));
      decipher.setAuthTag(parsed.sealed.subarray(ivBytes, ivBytes + tagBytes));
      return Buffer.concat([
        decipher.update(parsed.sealed.subarray(ivBytes + tagBytes)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return value;
    }
  }

  /** True when `value` is encrypted under the current key (nothing to re-encrypt). */
  isCurrent(value: string): boolean {
    return parseSealed(value)?.keyId === this.current.id;
  }

  blindIndex(kind: BlindIndexKind, value: string): string {
    return createHmac('sha256', this.blindIndexKey)
      .update(`${kind}:${normaliseForIndex(kind, value)}`)
      .digest('hex');
  }
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(prefix);
}

function parseSealed(value: string): { keyId: string; sealed: Buffer } | null {
  if (!value.startsWith(prefix)) return null;
  const rest = value.slice(prefix.length);
  const separator = rest.indexOf(':');
  if (separator <= 0) return null;
  return { keyId: rest.slice(0, separator), sealed: Buffer.from(rest.slice(separator + 1), 'base64url') };
}

/** The same phone written 138 0013 8000, +86 13800138000 or 13800138000 finds the same customer. */
function normaliseForIndex(kind: BlindIndexKind, value: string): string {
  if (kind === 'email') return value.trim().toLowerCase();
  const digits = value.replace(/\D/g, '');
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}
