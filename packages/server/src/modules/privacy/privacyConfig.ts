import { hkdfSync } from 'node:crypto';
import { z } from 'zod';
import type { DataKey } from './fieldCipher';

/** The encryption variable, merged into the one environment schema in config.ts. */
export const privacyEnvironmentSchema = z.object({
  /**
   * The data keys, current first, comma-separated: `id:base64` of 32 random bytes, or `secret` for the key
   * derived from KEFU_SECRET_KEY (the default). Keys after the first only decrypt (rotation).
   */
  KEFU_DATA_KEY: z.string().trim().min(1).optional(),
  /** Days a resolved or closed conversation's transcript is kept; 0 (the default) keeps it. */
  KEFU_TRANSCRIPT_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
});

export type PrivacyEnvironment = z.infer<typeof privacyEnvironmentSchema>;

export interface PrivacyConfig {
  /** The current data key first: new values are written under it, the others are only read. */
  dataKeys: DataKey[];
  /** Keys the blind indexes (phone → customer); derived from the secret key, so it outlives data-key rotation. */
  blindIndexKey: Buffer;
  /** Transcripts of conversations closed longer ago are purged by a daily job; null keeps them. */
  transcriptRetentionDays: number | null;
}

/** The id of the key derived from the secret key, in values written under it. */
export const secretDerivedKeyId = 'secret';

/**
 * Reads KEFU_DATA_KEY; without it, personal data is encrypted under a key derived from the secret key
 * (KEFU_SECRET_KEY or `<data dir>/secret.key`). To rotate, put a new key first and keep the old ones until the
 * rotation job has re-encrypted every row.
 */
export function toPrivacyConfig(
  values: PrivacyEnvironment,
  secretKey: string,
  configError: (message: string) => Error,
): PrivacyConfig {
  const entries = values.KEFU_DATA_KEY?.split(',') ?? [secretDerivedKeyId];
  const dataKeys = entries.map((entry) => parseKey(entry.trim(), secretKey, configError));
  if (new Set(dataKeys.map((key) => key.id)).size !== dataKeys.length)
    throw configError('KEFU_DATA_KEY: key ids repeat');
  return {
    dataKeys,
    blindIndexKey: derive(secretKey, 'kefu blind index'),
    transcriptRetentionDays: values.KEFU_TRANSCRIPT_RETENTION_DAYS || null,
  };
}

function parseKey(entry: string, secretKey: string, configError: (message: string) => Error): DataKey {
  if (entry === secretDerivedKeyId)
    return { id: secretDerivedKeyId, key: derive(secretKey, 'kefu personal data') };
  const match = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/=_-]+)$/.exec(entry);
  const key = match?.[2] ? Buffer.from(match[2], 'base64') : null;
  if (!match?.[1] || !key || key.length !== 32)
    throw configError('KEFU_DATA_KEY: each key is id:base64 of 32 random bytes (openssl rand -base64 32)');
  return { id: match[1], key };
}

function derive(secretKey: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'kefu', purpose, 32));
}
