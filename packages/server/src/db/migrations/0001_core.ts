import type { Kysely } from 'kysely';

// Migrations are forward-only and use Kysely's schema builder so the same file runs on SQLite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('display_name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('locale', 'text')
    .addColumn('vip_tier', 'text', (column) => column.notNull().defaultTo('none'))
    .addColumn('tags', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('shop_customer_id', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('customer_identities')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('customer_id', 'text', (column) => column.notNull().references('customers.id'))
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('external_id', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('last_seen_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('customer_identities_channel_external_id', ['channel', 'external_id'])
    .execute();
  await db.schema
    .createIndex('customer_identities_customer_id')
    .on('customer_identities')
    .column('customer_id')
    .execute();

  await db.schema
    .createTable('agents')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('email', 'text', (column) => column.notNull().unique())
    .addColumn('display_name', 'text', (column) => column.notNull())
    .addColumn('password_hash', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('presence', 'text', (column) => column.notNull().defaultTo('offline'))
    .addColumn('is_active', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('agent_sessions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('agent_id', 'text', (column) => column.notNull().references('agents.id'))
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('customer_id', 'text', (column) => column.notNull().references('customers.id'))
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('priority', 'text', (column) => column.notNull().defaultTo('normal'))
    .addColumn('category', 'text')
    .addColumn('assignee_id', 'text', (column) => column.references('agents.id'))
    .addColumn('subject', 'text')
    .addColumn('locale', 'text')
    .addColumn('page_url', 'text')
    .addColumn('page_product_id', 'text')
    .addColumn('bot_state', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('last_message_at', 'text')
    .addColumn('first_agent_reply_at', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema
    .createIndex('conversations_customer_id')
    .on('conversations')
    .column('customer_id')
    .execute();
  await db.schema
    .createIndex('conversations_status_last_message')
    .on('conversations')
    .columns(['status', 'last_message_at'])
    .execute();
  await db.schema
    .createIndex('conversations_assignee_id')
    .on('conversations')
    .column('assignee_id')
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('conversation_id', 'text', (column) => column.notNull().references('conversations.id'))
    .addColumn('sender', 'text', (column) => column.notNull())
    .addColumn('sender_id', 'text')
    .addColumn('sender_name', 'text')
    .addColumn('text', 'text', (column) => column.notNull())
    .addColumn('attachments', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('quick_replies', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('is_private', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('client_message_id', 'text')
    .addColumn('reply_to_message_id', 'text')
    .addColumn('analysis', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('messages_conversation_client_message_id', ['conversation_id', 'client_message_id'])
    .execute();
  await db.schema
    .createIndex('messages_conversation_created')
    .on('messages')
    .columns(['conversation_id', 'id'])
    .execute();
  await db.schema.createIndex('messages_reply_to').on('messages').column('reply_to_message_id').execute();

  await db.schema
    .createTable('outbox_events')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('payload', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_events_unpublished')
    .on('outbox_events')
    .columns(['published_at', 'id'])
    .execute();

  await db.schema
    .createTable('bot_rules')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('match_type', 'text', (column) => column.notNull())
    .addColumn('patterns', 'text', (column) => column.notNull())
    .addColumn('reply_zh', 'text', (column) => column.notNull())
    .addColumn('reply_en', 'text', (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull().defaultTo('reply'))
    .addColumn('priority', 'integer', (column) => column.notNull().defaultTo(100))
    .addColumn('enabled', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('actor_type', 'text', (column) => column.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('target_type', 'text', (column) => column.notNull())
    .addColumn('target_id', 'text')
    .addColumn('data', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_target')
    .on('audit_log')
    .columns(['target_type', 'target_id'])
    .execute();
}
