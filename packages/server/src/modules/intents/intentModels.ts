import type { IntentModelVersion } from '@kefu/sdk';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { IntentModelsTable } from '../../db/schema';
import { KefuError } from '../../errors';
import type { UnitOfWork } from '../../events/outbox';
import { newId } from '../../ids';

const summaryColumns = [
  'id',
  'version',
  'status',
  'progress',
  'shop_example_count',
  'heldout_size',
  'accuracy_before',
  'accuracy_after',
  'is_active',
  'error',
  'created_at',
  'finished_at',
  'promoted_at',
] as const;
type SummaryRow = Pick<IntentModelsTable, (typeof summaryColumns)[number]>;

export type { IntentModelVersion };

/** Model versions: which are trained, which one the bot uses, and promotion and roll back. */
export class IntentModels {
  constructor(
    private readonly db: Db,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<IntentModelVersion[]> {
    const rows = await this.db
      .selectFrom('intent_models')
      .select(summaryColumns)
      .orderBy('version', 'desc')
      .limit(50)
      .execute();
    return rows.map(toVersion);
  }

  async get(modelId: string): Promise<IntentModelVersion> {
    const row = await this.db
      .selectFrom('intent_models')
      .select(summaryColumns)
      .where('id', '=', modelId)
      .executeTakeFirst();
    if (!row) throw new KefuError('intent_model_not_found');
    return toVersion(row);
  }

  /** Stores a new version in training; refused while another one trains (the unique slot decides). */
  async createTraining(actorId: string, shopExampleCount: number): Promise<IntentModelVersion> {
    const running = await this.db
      .selectFrom('intent_models')
      .select('id')
      .where('training_slot', 'is not', null)
      .executeTakeFirst();
    if (running) throw new KefuError('intent_training_running');
    const latest = await this.db
      .selectFrom('intent_models')
      .select(({ fn }) => fn.max('version').as('version'))
      .executeTakeFirst();
    const row: IntentModelsTable = {
      id: newId('imd'),
      version: Number(latest?.version ?? 0) + 1,
      status: 'training',
      progress: 0,
      training_slot: 'busy',
      model: null,
      shop_example_count: shopExampleCount,
      heldout_size: null,
      accuracy_before: null,
      accuracy_after: null,
      baseline_model_id: null,
      is_active: 0,
      replaced_model_id: null,
      promoted_at: null,
      error: null,
      created_by: actorId,
      created_at: this.clock.now().toISOString(),
      finished_at: null,
    };
    try {
      await this.db.insertInto('intent_models').values(row).execute();
    } catch {
      // Another process took the slot (or the version number) between the check and the insert.
      throw new KefuError('intent_training_running');
    }
    return toVersion(row);
  }

  async promote(modelId: string): Promise<IntentModelVersion> {
    const target = await this.get(modelId);
    if (target.status !== 'ready') throw new KefuError('intent_model_not_ready');
    if (target.active) return target;
    await this.unitOfWork.run(async ({ trx, now, emit }) => {
      const current = await trx
        .selectFrom('intent_models')
        .select('id')
        .where('is_active', '=', 1)
        .executeTakeFirst();
      await trx.updateTable('intent_models').set({ is_active: 0 }).where('is_active', '=', 1).execute();
      await trx
        .updateTable('intent_models')
        .set({ is_active: 1, promoted_at: now.toISOString(), replaced_model_id: current?.id ?? null })
        .where('id', '=', modelId)
        .execute();
      await emit('intents.model_promoted', { modelId });
    });
    return await this.get(modelId);
  }

  /** Returns to the version the active one replaced (the shipped model when it replaced none). */
  async rollBack(): Promise<{ activeModelId: string | null }> {
    const current = await this.db
      .selectFrom('intent_models')
      .select(['id', 'replaced_model_id'])
      .where('is_active', '=', 1)
      .executeTakeFirst();
    if (!current) throw new KefuError('intent_no_previous_model');
    const previousId = current.replaced_model_id;
    await this.unitOfWork.run(async ({ trx, now, emit }) => {
      await trx.updateTable('intent_models').set({ is_active: 0 }).where('id', '=', current.id).execute();
      if (previousId)
        await trx
          .updateTable('intent_models')
          .set({ is_active: 1, promoted_at: now.toISOString() })
          .where('id', '=', previousId)
          .execute();
      await emit('intents.model_promoted', { modelId: previousId });
    });
    return { activeModelId: previousId };
  }
}

function toVersion(row: SummaryRow): IntentModelVersion {
  return {
    id: row.id,
    version: row.version,
    status: row.status === 'ready' || row.status === 'failed' ? row.status : 'training',
    progress: row.progress,
    shopExampleCount: row.shop_example_count,
    heldoutSize: row.heldout_size,
    accuracyBefore: row.accuracy_before,
    accuracyAfter: row.accuracy_after,
    active: row.is_active === 1,
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    promotedAt: row.promoted_at,
  };
}
