import type { Kysely } from 'kysely';

// The live console (issue 13): which console sockets are open, whether the shopper was told who joined,
// and canned replies kept on the server, personal or shared with a team.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agent_connections')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('agent_id', 'text', (column) => column.notNull())
    .addColumn('connected_at', 'text', (column) => column.notNull())
    .addColumn('seen_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('agent_connections_agent')
    .on('agent_connections')
    .columns(['agent_id', 'seen_at'])
    .execute();
  await db.schema.alterTable('conversations').addColumn('announced_agent_id', 'text').execute();
  await db.schema
    .createTable('canned_replies')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('scope', 'text', (column) => column.notNull())
    .addColumn('owner_agent_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('category', 'text', (column) => column.notNull())
    .addColumn('shortcut', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('text', 'text', (column) => column.notNull())
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('canned_replies_owner').on('canned_replies').column('owner_agent_id').execute();
  await db.schema.createIndex('canned_replies_team').on('canned_replies').column('team_id').execute();
}
