import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const version = 'v1';
const keyInfo = 'kefu channel account credentials v1';

/**
 * Seals channel account credentials (app secrets, tokens, AES keys) for storage: AES-256-GCM under a key
 * derived from the server's secret with HKDF-SHA256, the account's id as additional data, so a sealed value
 * copied to another account's row does not open. Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
export class ChannelCredentialSeal {
  private readonly key: Buffer;

  constructor(serverSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', serverSecret, 'kefu', keyInfo, 32));
  }

  seal(accountId: string, credentials: Readonly<Record<string, string>>): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(accountId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
    return [version, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** The credentials of a sealed value; throws when it was changed, sealed for another account or key. */
  open(accountId: string, sealed: string): Record<string, string> {
    const [prefix, iv, tag, ciphertext, ...rest] = sealed.split('.');
    if (prefix !== version || !iv || !tag || !ciphertext || rest.length > 0)
      throw new Error('not a sealed channel credential');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(accountId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    return readStringRecord(JSON.parse(plain.toString('utf8')));
  }
}

function readStringRecord(value: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (!value || typeof value !== 'object') return record;
  for (const [name, field] of Object.entries(value)) if (typeof field === 'string') record[name] = field;
  return record;
}
