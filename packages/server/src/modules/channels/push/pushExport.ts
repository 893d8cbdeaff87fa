import type { DbExecutor } from '../../../db/database';

/** One push registration as the shopper's data export shows it: the token is a credential, so only its end. */
export interface ExportedPushRegistration {
  /** ios | android | web */
  platform: string;
  /** The shop's app that registered it. */
  channel: 'app';
  registeredAt: string;
  refreshedAt: string;
  /** When a notification last went to it; null when none did. */
  lastUsedAt: string | null;
  /** The token's last characters, enough to recognise a device, never enough to use it. */
  tokenEnding: string;
}

const shownCharacters = 4;

/** The customer's registered push tokens for their data export, oldest first. */
export async function listPushRegistrationsForExport(
  db: DbExecutor,
  customerId: string,
): Promise<ExportedPushRegistration[]> {
  const [registrations, lastSent] = await Promise.all([
    db
      .selectFrom('push_registrations')
      .select(['id', 'platform', 'token', 'created_at', 'updated_at'])
      .where('customer_id', '=', customerId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('push_notifications')
      .select(['registration_id', (expression) => expression.fn.max('sent_at').as('last_sent_at')])
      .where('customer_id', '=', customerId)
      .groupBy('registration_id')
      .execute(),
  ]);
  const lastSentOf = new Map(lastSent.map((row) => [row.registration_id, row.last_sent_at]));
  return registrations.map((registration) => ({
    platform: registration.platform,
    channel: 'app',
    registeredAt: registration.created_at,
    refreshedAt: registration.updated_at,
    lastUsedAt: lastSentOf.get(registration.id) ?? null,
    tokenEnding: `…${registration.token.slice(-shownCharacters)}`,
  }));
}
