import type { Kysely } from 'kysely';

// How a delivered message went out: `api` (the platform's send API, e.g. WeChat's customer-service message) or
// `passive` (in the response to the platform's push, e.g. WeChat's passive reply). Null while nobody has taken it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('message_deliveries').addColumn('sent_via', 'text').execute();
}
