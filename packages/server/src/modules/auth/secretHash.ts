import { createHash } from 'node:crypto';

/** How bearer secrets (sessions, API tokens, sign-in challenges, recovery codes) are stored: SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
