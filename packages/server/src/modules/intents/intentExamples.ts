import { DEFAULT_INTENTS } from '@kefu/nlu';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { IntentExamplesTable } from '../../db/schema';
import { KefuError } from '../../errors';
import { newId } from '../../ids';

export interface IntentExample {
  id: string;
  intent: string;
  text: string;
  source: 'merchant' | 'missed_message';
  messageId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IntentWithExamples {
  id: string;
  examples: IntentExample[];
}

/** A merchant's own example sentences per intent, stored in the database beside the shipped corpus. */
export class IntentExamples {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async listIntents(): Promise<IntentWithExamples[]> {
    const rows = await this.db.selectFrom('intent_examples').selectAll().orderBy('created_at').execute();
    return DEFAULT_INTENTS.filter((intent) => intent !== 'unknown').map((intent) => ({
      id: intent,
      examples: rows.filter((row) => row.intent === intent).map(toIntentExample),
    }));
  }

  async addExample(
    intent: string,
    input: { text: string; messageId?: string | null },
    actorId: string,
  ): Promise<IntentExample> {
    assertKnownIntent(intent);
    await this.assertNotDuplicate(intent, input.text, null);
    const timestamp = this.clock.now().toISOString();
    const row: IntentExamplesTable = {
      id: newId('iex'),
      intent,
      text: input.text,
      source: input.messageId ? 'missed_message' : 'merchant',
      message_id: input.messageId ?? null,
      created_by: actorId,
      created_at: timestamp,
      updated_at: timestamp,
    };
    await this.db.insertInto('intent_examples').values(row).execute();
    return toIntentExample(row);
  }

  async updateExample(exampleId: string, change: { text?: string; intent?: string }): Promise<IntentExample> {
    const existing = await this.requireExample(exampleId);
    const intent = change.intent ?? existing.intent;
    const text = change.text ?? existing.text;
    assertKnownIntent(intent);
    await this.assertNotDuplicate(intent, text, exampleId);
    const updatedAt = this.clock.now().toISOString();
    await this.db
      .updateTable('intent_examples')
      .set({ intent, text, updated_at: updatedAt })
      .where('id', '=', exampleId)
      .execute();
    return toIntentExample({ ...existing, intent, text, updated_at: updatedAt });
  }

  async removeExample(exampleId: string): Promise<void> {
    await this.requireExample(exampleId);
    await this.db.deleteFrom('intent_examples').where('id', '=', exampleId).execute();
  }

  private async requireExample(exampleId: string): Promise<IntentExamplesTable> {
    const row = await this.db
      .selectFrom('intent_examples')
      .selectAll()
      .where('id', '=', exampleId)
      .executeTakeFirst();
    if (!row) throw new KefuError('intent_example_not_found');
    return row;
  }

  private async assertNotDuplicate(intent: string, text: string, exceptId: string | null): Promise<void> {
    let query = this.db
      .selectFrom('intent_examples')
      .select('id')
      .where('intent', '=', intent)
      .where('text', '=', text);
    if (exceptId) query = query.where('id', '!=', exceptId);
    if (await query.executeTakeFirst()) throw new KefuError('intent_example_exists');
  }
}

function assertKnownIntent(intent: string): void {
  if (!DEFAULT_INTENTS.some((known) => known === intent && known !== 'unknown'))
    throw new KefuError('intent_not_found');
}

function toIntentExample(row: IntentExamplesTable): IntentExample {
  return {
    id: row.id,
    intent: row.intent,
    text: row.text,
    source: row.source === 'missed_message' ? 'missed_message' : 'merchant',
    messageId: row.message_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
