import type { Kysely } from 'kysely';

// Human handoff, routing and tickets: teams and agent skills/capacity, settings, handoff records with the
// summary for the agent, classification, the queue, tickets with comments/links/history, SLA policies and
// per-target SLA state (warned/breached once), and CSAT surveys.
export async function up(db: Kysely<unknown>): Promise<void> {
  await createAgentTables(db);
  await createHandoffAndQueueTables(db);
  await createTicketTables(db);
  await createSlaAndCsatTables(db);
}

async function createAgentTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull().unique())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'text', (column) => column.notNull().references('teams.id'))
    .addColumn('agent_id', 'text', (column) => column.notNull().references('agents.id'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'agent_id'])
    .execute();
  await db.schema.createIndex('team_members_agent').on('team_members').column('agent_id').execute();
  await db.schema
    .createTable('agent_routing_profiles')
    .addColumn('agent_id', 'text', (column) => column.primaryKey().references('agents.id'))
    .addColumn('capacity', 'integer', (column) => column.notNull().defaultTo(5))
    .addColumn('skills', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('last_assigned_at', 'text')
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('service_settings')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('value', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
}

async function createHandoffAndQueueTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conversation_handoffs')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('conversation_id', 'text', (column) => column.notNull().references('conversations.id'))
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('summary', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('conversation_handoffs_conversation')
    .on('conversation_handoffs')
    .columns(['conversation_id', 'id'])
    .execute();
  await db.schema
    .createTable('conversation_classifications')
    .addColumn('conversation_id', 'text', (column) => column.primaryKey().references('conversations.id'))
    .addColumn('category', 'text', (column) => column.notNull())
    .addColumn('category_overridden', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('priority', 'text', (column) => column.notNull())
    .addColumn('priority_overridden', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('reasons', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('signals', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('queue_entries')
    .addColumn('conversation_id', 'text', (column) => column.primaryKey().references('conversations.id'))
    .addColumn('customer_id', 'text', (column) => column.notNull())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('category', 'text', (column) => column.notNull())
    .addColumn('language', 'text', (column) => column.notNull())
    .addColumn('product_line', 'text')
    .addColumn('priority', 'text', (column) => column.notNull())
    .addColumn('team_id', 'text')
    .addColumn('preferred_agent_id', 'text')
    .addColumn('excluded_agent_id', 'text')
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('enqueued_at', 'text', (column) => column.notNull())
    .addColumn('notified_at', 'text')
    .execute();
  await db.schema
    .createIndex('queue_entries_order')
    .on('queue_entries')
    .columns(['priority', 'enqueued_at'])
    .execute();
}

async function createTicketTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('subject', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('priority', 'text', (column) => column.notNull())
    .addColumn('category', 'text', (column) => column.notNull())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('source', 'text', (column) => column.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('first_responded_at', 'text')
    .addColumn('solved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('tickets_status').on('tickets').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('tickets_assignee').on('tickets').column('assignee_id').execute();
  await db.schema
    .createTable('ticket_links')
    .addColumn('ticket_id', 'text', (column) => column.notNull().references('tickets.id'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('target_id', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('ticket_links_pk', ['ticket_id', 'kind', 'target_id'])
    .execute();
  await db.schema
    .createIndex('ticket_links_target')
    .on('ticket_links')
    .columns(['kind', 'target_id'])
    .execute();
  await db.schema
    .createTable('ticket_comments')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('ticket_id', 'text', (column) => column.notNull().references('tickets.id'))
    .addColumn('author_type', 'text', (column) => column.notNull())
    .addColumn('author_id', 'text')
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('is_internal', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('ticket_comments_ticket')
    .on('ticket_comments')
    .columns(['ticket_id', 'id'])
    .execute();
  await db.schema
    .createTable('ticket_history')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('ticket_id', 'text', (column) => column.notNull().references('tickets.id'))
    .addColumn('actor_type', 'text', (column) => column.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('changes', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('ticket_history_ticket')
    .on('ticket_history')
    .columns(['ticket_id', 'id'])
    .execute();
}

async function createSlaAndCsatTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sla_policies')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('match_priority', 'text')
    .addColumn('match_category', 'text')
    .addColumn('match_channel', 'text')
    .addColumn('first_response_minutes', 'integer')
    .addColumn('next_response_minutes', 'integer')
    .addColumn('resolution_minutes', 'integer')
    .addColumn('warning_minutes', 'integer', (column) => column.notNull().defaultTo(15))
    .addColumn('business_hours_only', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('enabled', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('ticket_sla_targets')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('ticket_id', 'text', (column) => column.notNull().references('tickets.id'))
    .addColumn('policy_id', 'text', (column) => column.notNull())
    .addColumn('target', 'text', (column) => column.notNull())
    .addColumn('started_at', 'text', (column) => column.notNull())
    .addColumn('warn_at', 'text', (column) => column.notNull())
    .addColumn('due_at', 'text', (column) => column.notNull())
    .addColumn('met_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('warned_at', 'text')
    .addColumn('breached_at', 'text')
    .addUniqueConstraint('ticket_sla_targets_once', ['ticket_id', 'target', 'started_at'])
    .execute();
  await db.schema
    .createIndex('ticket_sla_targets_due')
    .on('ticket_sla_targets')
    .columns(['met_at', 'cancelled_at', 'due_at'])
    .execute();
  await db.schema
    .createIndex('ticket_sla_targets_ticket')
    .on('ticket_sla_targets')
    .column('ticket_id')
    .execute();
  await db.schema
    .createTable('csat_surveys')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('conversation_id', 'text', (column) => column.notNull().references('conversations.id'))
    .addColumn('customer_id', 'text', (column) => column.notNull())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('resolved_at', 'text', (column) => column.notNull())
    .addColumn('rating', 'integer')
    .addColumn('comment', 'text')
    .addColumn('requested_at', 'text', (column) => column.notNull())
    .addColumn('responded_at', 'text')
    .addUniqueConstraint('csat_surveys_once', ['conversation_id', 'resolved_at'])
    .execute();
  await db.schema
    .createIndex('csat_surveys_customer')
    .on('csat_surveys')
    .columns(['customer_id', 'channel', 'requested_at'])
    .execute();
}
