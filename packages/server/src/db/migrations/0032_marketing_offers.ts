import type { Kysely } from 'kysely';

// After-conversation offers: the rules admins set, one offer per (conversation, resolution) with why it was sent
// or skipped, its recommended products behind unguessable click tokens, and shoppers' marketing consent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('marketing_offer_rules')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('enabled', 'integer', (column) => column.notNull())
    .addColumn('conditions', 'text', (column) => column.notNull())
    .addColumn('content', 'text', (column) => column.notNull())
    .addColumn('delay_minutes', 'integer', (column) => column.notNull())
    .addColumn('cap_days', 'integer', (column) => column.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('marketing_offers')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('rule_id', 'text', (column) => column.notNull())
    .addColumn('customer_id', 'text', (column) => column.notNull())
    .addColumn('conversation_id', 'text', (column) => column.notNull())
    .addColumn('resolved_at', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('skip_reason', 'text')
    .addColumn('coupon_code', 'text')
    .addColumn('due_at', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('redeemed_at', 'text')
    .addColumn('redeemed_order_number', 'text')
    .execute();
  await db.schema
    .createIndex('marketing_offers_resolution')
    .on('marketing_offers')
    .columns(['conversation_id', 'resolved_at'])
    .unique()
    .execute();
  await db.schema
    .createIndex('marketing_offers_customer')
    .on('marketing_offers')
    .columns(['customer_id', 'sent_at'])
    .execute();
  await db.schema
    .createIndex('marketing_offers_rule')
    .on('marketing_offers')
    .columns(['rule_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('marketing_offer_items')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('offer_id', 'text', (column) => column.notNull())
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('product_id', 'text', (column) => column.notNull())
    .addColumn('url', 'text', (column) => column.notNull())
    .addColumn('token', 'text', (column) => column.notNull().unique())
    .addColumn('clicked_at', 'text')
    .execute();
  await db.schema
    .createIndex('marketing_offer_items_offer')
    .on('marketing_offer_items')
    .columns(['offer_id', 'position'])
    .unique()
    .execute();
  await db.schema
    .createTable('marketing_preferences')
    .addColumn('customer_id', 'text', (column) => column.primaryKey())
    .addColumn('opted_out', 'integer', (column) => column.notNull())
    .addColumn('source', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
}
