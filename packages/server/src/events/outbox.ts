import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import type { Db, DbTransaction, KefuDatabase } from '../db/database';
import { newId } from '../ids';
import type { DomainEvent, EventCatalog, EventName } from './catalog';
import { isEventName } from './catalog';
import type { EventBus } from './eventBus';
import type { EventJobs } from './eventJobs';

export type EmitEvent = <Name extends EventName>(name: Name, payload: EventCatalog[Name]) => Promise<void>;

export interface UnitOfWorkContext {
  trx: DbTransaction;
  now: Date;
  /** Records an event in the outbox inside this transaction; it is published only after commit. */
  emit: EmitEvent;
}

/**
 * Runs one use-case in one transaction. Events go to the outbox table in the same transaction and are
 * published after commit, so a rollback publishes nothing and a crash after commit loses nothing
 * (the sweeper publishes what was left behind).
 */
export class UnitOfWork {
  constructor(
    private readonly database: KefuDatabase,
    private readonly outbox: OutboxPublisher,
    private readonly clock: Clock,
  ) {}

  /** Resolves once the events are dispatched and the jobs this process could take have run. */
  async run<Result>(work: (context: UnitOfWorkContext) => Promise<Result>): Promise<Result> {
    const { result, emitted } = await this.commit(work);
    await this.outbox.publishAfterCommit(emitted);
    return result;
  }

  /**
   * Resolves at commit; `dispatched` settles once the events are dispatched and the jobs this process could
   * take have run. For callers that must answer within a deadline (a platform's webhook) or wait for one
   * effect with a bound (the visitor API waiting for the bot's replies).
   */
  async runWithDispatch<Result>(
    work: (context: UnitOfWorkContext) => Promise<Result>,
  ): Promise<{ result: Result; dispatched: Promise<void> }> {
    const { result, emitted } = await this.commit(work);
    return { result, dispatched: this.outbox.publishInBackground(emitted) };
  }

  private async commit<Result>(
    work: (context: UnitOfWorkContext) => Promise<Result>,
  ): Promise<{ result: Result; emitted: EmittedEvent[] }> {
    const emitted: EmittedEvent[] = [];
    const now = this.clock.now();
    const result = await this.database.db.transaction().execute(async (trx) => {
      const emit: EmitEvent = async (name, payload) => {
        const id = newId('evt');
        await trx
          .insertInto('outbox_events')
          .values({
            id,
            name,
            payload: JSON.stringify(payload),
            created_at: now.toISOString(),
            published_at: null,
          })
          .execute();
        emitted.push({ id, name });
      };
      return work({ trx, now, emit });
    });
    return { result, emitted };
  }
}

export interface EmittedEvent {
  id: string;
  name: EventName;
}

/**
 * Dispatches committed events in two steps: first the jobs of their durable listeners are enqueued (idempotent,
 * so repeating this after a crash or from another process changes nothing), then each event is claimed once
 * for the whole deployment (an update only one process can win) and published on the bus for realtime fan-out.
 */
export class OutboxPublisher {
  private sweepTimer: NodeJS.Timeout | null = null;
  private readonly inBackground = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly logger: FastifyBaseLogger,
    private readonly eventJobs: EventJobs | null = null,
  ) {}

  /**
   * Right after a use-case committed: dispatches its events and runs their jobs in this process when it can
   * take them, so the caller sees their effects as before. A failure here is logged, not thrown: the use-case
   * has committed, and the sweeper dispatches whatever was left.
   */
  async publishAfterCommit(emitted: readonly EmittedEvent[]): Promise<void> {
    if (emitted.length === 0) return;
    try {
      const durable = emitted.filter((event) => this.eventJobs?.hasListeners(event.name));
      const jobIds = await this.enqueueListenerJobs(durable.map((event) => event.id));
      await this.claimAndPublish(emitted.map((event) => event.id));
      await this.eventJobs?.runNow(jobIds);
    } catch (error) {
      this.logger.error(
        { err: error, eventIds: emitted.map((event) => event.id) },
        'dispatching events after commit failed; the outbox sweeper will retry',
      );
    }
  }

  /** `publishAfterCommit` without waiting for it (it never rejects); `settle()` waits for every such dispatch. */
  publishInBackground(emitted: readonly EmittedEvent[]): Promise<void> {
    if (emitted.length === 0) return Promise.resolve();
    const dispatch = this.publishAfterCommit(emitted).finally(() => this.inBackground.delete(dispatch));
    this.inBackground.add(dispatch);
    return dispatch;
  }

  /** Resolves once the dispatches started in the background have ended (at shutdown, before the bus closes). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inBackground]);
  }

  async publishByIds(eventIds: readonly string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.enqueueListenerJobs(eventIds);
    await this.claimAndPublish(eventIds);
  }

  /** Publishes events older than `minimumAgeMs` that were committed but never published. */
  async sweep(minimumAgeMs = 2_000): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - minimumAgeMs).toISOString();
    const pending = await this.db
      .selectFrom('outbox_events')
      .select('id')
      .where('published_at', 'is', null)
      .where('created_at', '<=', cutoff)
      .orderBy('id')
      .limit(500)
      .execute();
    if (pending.length > 0) await this.publishByIds(pending.map((row) => row.id));
    return pending.length;
  }

  startSweeping(intervalMs = 5_000): void {
    this.sweepTimer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.error({ err: error }, 'outbox sweep failed'));
    }, intervalMs);
    this.sweepTimer.unref();
  }

  stopSweeping(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
  }

  /** Enqueues the listener jobs of those events that are not published yet; returns the jobs' ids. */
  private async enqueueListenerJobs(eventIds: readonly string[]): Promise<string[]> {
    if (!this.eventJobs || eventIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('id', 'in', [...eventIds])
      .where('published_at', 'is', null)
      .orderBy('id')
      .execute();
    const jobIds: string[] = [];
    for (const row of rows) {
      const event = toDomainEvent(row.id, row.name, row.payload, row.created_at);
      if (event) jobIds.push(...(await this.eventJobs.enqueueFor(event)));
    }
    return jobIds;
  }

  /** One update claims the batch; only rows this process flipped from unpublished are published, in id order. */
  private async claimAndPublish(eventIds: readonly string[]): Promise<void> {
    const claimed = await this.db
      .updateTable('outbox_events')
      .set({ published_at: this.clock.now().toISOString() })
      .where('id', 'in', eventIds)
      .where('published_at', 'is', null)
      .returningAll()
      .execute();
    claimed.sort((left, right) => (left.id < right.id ? -1 : 1));
    for (const row of claimed) {
      const event = toDomainEvent(row.id, row.name, row.payload, row.created_at);
      if (event) await this.bus.publish(event);
      else this.logger.error({ eventId: row.id, name: row.name }, 'outbox row has an unknown event name');
    }
  }
}

function toDomainEvent(
  id: string,
  name: string,
  payloadText: string,
  occurredAt: string,
): DomainEvent | null {
  if (!isEventName(name)) return null;
  const payload: unknown = JSON.parse(payloadText);
  // The payload was written by `emit` with the type of this name; the row is our own, not outside input.
  return { id, name, payload, occurredAt } as DomainEvent;
}
