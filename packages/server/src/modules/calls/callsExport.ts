import type { DbExecutor } from '../../db/database';

/** One call as the shopper's data export shows it. */
export interface ExportedCall {
  direction: string;
  startedAt: string;
  durationSeconds: number;
  /** The shopper's own number on the call. */
  phone: string | null;
  /** Whether the call-center system kept a recording (its address is the call center's, not the shopper's). */
  recorded: boolean;
  /** What was said, as the call-center system transcribed it; agents' notes on calls they logged stay out. */
  transcript: string | null;
}

/** The customer's calls for their data export, oldest first. */
export async function listCallsForExport(db: DbExecutor, customerId: string): Promise<ExportedCall[]> {
  const rows = await db
    .selectFrom('call_records')
    .select(['source', 'direction', 'started_at', 'duration_seconds', 'phone', 'recording_url', 'transcript'])
    .where('customer_id', '=', customerId)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    direction: row.direction,
    startedAt: row.started_at,
    durationSeconds: row.duration_seconds,
    phone: row.phone === '' ? null : row.phone,
    recorded: row.recording_url !== null,
    transcript: row.source === 'webhook' ? row.transcript : null,
  }));
}
