import type { z } from 'zod';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { parseJsonColumn } from '../../db/json';
import { recordAudit } from '../audit';

/** Keeps a setting in memory this long; another process's change is seen within it. */
const cacheMilliseconds = 5_000;

/**
 * One JSON document per key in `service_settings`, validated by the owning module's schema, with a short
 * in-memory cache because the handoff check reads its settings on every shopper message. Every change is
 * audited with the new value.
 */
export class SettingsStore<Schema extends z.ZodType> {
  private cached: { value: z.infer<Schema>; loadedAt: number } | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly key: string,
    private readonly schema: Schema,
    private readonly defaults: z.infer<Schema>,
  ) {}

  async get(): Promise<z.infer<Schema>> {
    const now = Date.now();
    if (this.cached && now - this.cached.loadedAt < cacheMilliseconds) return this.cached.value;
    const row = await this.db
      .selectFrom('service_settings')
      .select('value')
      .where('key', '=', this.key)
      .executeTakeFirst();
    const value = row ? parseJsonColumn(row.value, this.schema) : this.defaults;
    this.cached = { value, loadedAt: now };
    return value;
  }

  /** Whether anyone has saved this setting (rather than running on the defaults). */
  async isStored(): Promise<boolean> {
    const row = await this.db
      .selectFrom('service_settings')
      .select('key')
      .where('key', '=', this.key)
      .executeTakeFirst();
    return row !== undefined;
  }

  async set(value: z.infer<Schema>, updatedBy: string | null): Promise<z.infer<Schema>> {
    const parsed = this.schema.parse(value);
    const text = JSON.stringify(parsed);
    const now = this.clock.now();
    const timestamp = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('service_settings')
        .values({ key: this.key, value: text, updated_by: updatedBy, updated_at: timestamp })
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet({ value: text, updated_by: updatedBy, updated_at: timestamp }),
        )
        .execute();
      await recordAudit(
        trx,
        {
          actorType: updatedBy ? 'agent' : 'system',
          actorId: updatedBy,
          action: 'settings.changed',
          targetType: 'settings',
          targetId: this.key,
          data: { after: parsed },
        },
        now,
      );
    });
    this.cached = { value: parsed, loadedAt: Date.now() };
    return parsed;
  }
}
