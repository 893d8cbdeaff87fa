import type { Kysely } from 'kysely';

// Personal data: blind indexes (HMAC) beside the encrypted phones and e-mails, so a phone or an
// e-mail still finds its customer; the audit log's hash chain.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['customers', 'shop_customers']) {
    await db.schema.alterTable(table).addColumn('phone_index', 'text').execute();
    await db.schema.alterTable(table).addColumn('email_index', 'text').execute();
    await db.schema.createIndex(`${table}_phone_index`).on(table).column('phone_index').execute();
    await db.schema.createIndex(`${table}_email_index`).on(table).column('email_index').execute();
  }
  await db.schema.alterTable('audit_log').addColumn('sequence', 'integer').execute();
  await db.schema.alterTable('audit_log').addColumn('previous_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute();
  await db.schema.createIndex('audit_log_sequence').on('audit_log').column('sequence').unique().execute();
}
