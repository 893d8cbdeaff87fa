import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../../db/database';
import type { AnalyticsAlertsTable } from '../../../db/insightSchema';

export type AlertRow = Selectable<AnalyticsAlertsTable>;

/** The latest alert on the topic detected at or after `since` (the cool-down), if any. */
export async function findRecentAlert(
  db: DbExecutor,
  topicKind: string,
  topic: string,
  since: string,
): Promise<AlertRow | undefined> {
  return db
    .selectFrom('analytics_alerts')
    .selectAll()
    .where('topic_kind', '=', topicKind)
    .where('topic', '=', topic)
    .where('last_detected_at', '>=', since)
    .orderBy('last_detected_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertAlert(db: DbExecutor, row: AlertRow): Promise<void> {
  await db.insertInto('analytics_alerts').values(row).execute();
}

export async function updateAlertDetection(
  db: DbExecutor,
  alertId: string,
  changes: Pick<
    AlertRow,
    'window_start' | 'window_end' | 'count' | 'expected' | 'score' | 'examples' | 'last_detected_at'
  >,
): Promise<void> {
  await db.updateTable('analytics_alerts').set(changes).where('id', '=', alertId).execute();
}

export async function listAlerts(
  db: DbExecutor,
  filter: { status: 'open' | 'all'; limit: number },
): Promise<AlertRow[]> {
  let query = db.selectFrom('analytics_alerts').selectAll();
  if (filter.status === 'open') query = query.where('status', '=', 'open');
  return query.orderBy('detected_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/** Acknowledges an open alert; returns the row, or undefined when there is no such alert. */
export async function acknowledgeAlert(
  db: DbExecutor,
  alertId: string,
  agentId: string,
  at: string,
): Promise<AlertRow | undefined> {
  await db
    .updateTable('analytics_alerts')
    .set({ status: 'acknowledged', acknowledged_by: agentId, acknowledged_at: at })
    .where('id', '=', alertId)
    .where('status', '=', 'open')
    .execute();
  return db.selectFrom('analytics_alerts').selectAll().where('id', '=', alertId).executeTakeFirst();
}
