import { sql } from 'kysely';
import type { Expression, SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import type { FieldCipher } from './fieldCipher';

const batchSize = 200;

/**
 * Brings every stored personal-data value under the current data key: rows from before encryption (plain
 * text) and rows written under an older key (rotation). Reading decrypts and writing encrypts, both in the
 * database plugin (personalDataPlugin.ts), so a row is written back as it reads, with its blind indexes.
 * Walks each table once by id, so a value under a key no longer configured is left alone, not retried
 * forever. Safe to repeat and to run in several processes at once; returns how many rows it rewrote.
 */
export async function encryptStoredPersonalData(db: Db, cipher: FieldCipher): Promise<number> {
  const pattern = `enc:v1:${cipher.currentKeyId}:%`;
  const stale = (columns: readonly string[]) => notUnderKey(columns, pattern);
  const customers = ['display_name', 'email', 'phone'] as const;
  const shopCustomers = ['name', 'phone', 'email', 'addresses'] as const;
  const orders = ['shipping_address', 'invoice', 'buyer_note'] as const;
  const counts = [
    await rewriteInBatches(
      (after) =>
        db
          .selectFrom('customers')
          .select(['id', ...customers])
          .where('id', '>', after)
          .where(stale(customers)),
      ({ id, ...values }) => db.updateTable('customers').set(values).where('id', '=', id).execute(),
    ),
    await rewriteInBatches(
      (after) =>
        db
          .selectFrom('shop_customers')
          .select(['id', ...shopCustomers])
          .where('id', '>', after)
          .where(stale(shopCustomers)),
      ({ id, ...values }) => db.updateTable('shop_customers').set(values).where('id', '=', id).execute(),
    ),
    await rewriteInBatches(
      (after) =>
        db
          .selectFrom('orders')
          .select(['id', ...orders])
          .where('id', '>', after)
          .where(stale(orders)),
      ({ id, ...values }) => db.updateTable('orders').set(values).where('id', '=', id).execute(),
    ),
    await rewriteInBatches(
      (after) =>
        db
          .selectFrom('messages')
          .select(['id', 'analysis'])
          .where('id', '>', after)
          .where(stale(['analysis'])),
      ({ id, analysis }) => db.updateTable('messages').set({ analysis }).where('id', '=', id).execute(),
    ),
    await rewriteInBatches(
      (after) =>
        db
          .selectFrom('conversations')
          .select(['id', 'bot_state'])
          .where('id', '>', after)
          .where(stale(['bot_state'])),
      ({ id, bot_state }) =>
        db.updateTable('conversations').set({ bot_state }).where('id', '=', id).execute(),
    ),
    await rewriteInBatches(
      (after) =>
        db
          .selectFrom('agent_two_factor')
          .select(['id', 'secret'])
          .where('id', '>', after)
          .where(stale(['secret'])),
      ({ id, secret }) => db.updateTable('agent_two_factor').set({ secret }).where('id', '=', id).execute(),
    ),
  ];
  return counts.reduce((sum, count) => sum + count, 0);
}

interface BatchQuery<Row> {
  orderBy(column: 'id'): { limit(count: number): { execute(): Promise<Row[]> } };
}

async function rewriteInBatches<Row extends { id: string }>(
  selectAfter: (lastId: string) => BatchQuery<Row>,
  writeRow: (row: Row) => Promise<unknown>,
): Promise<number> {
  let rewritten = 0;
  let lastId = '';
  for (;;) {
    const rows = await selectAfter(lastId).orderBy('id').limit(batchSize).execute();
    for (const row of rows) await writeRow(row);
    rewritten += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return rewritten;
    lastId = last.id;
  }
}

/** Some column holds a value that is not encrypted under the current key (and is not empty). */
function notUnderKey(columns: readonly string[], pattern: string): Expression<SqlBool> {
  const conditions = columns.map(
    (column) =>
      sql<SqlBool>`(${sql.ref(column)} is not null and ${sql.ref(column)} not like ${pattern} and ${sql.ref(column)} not in ('', '{}', '[]'))`,
  );
  return sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
}
