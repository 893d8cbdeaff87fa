import type { JobContext, JobQueue } from '../jobs/jobQueue';
import type { DomainEvent, EventName } from './catalog';
import type { EventOfName } from './eventBus';
import { isEventOfName } from './eventBus';
import { domainEventSchema } from './redisEventBus';

export interface DurableListenerOptions<Name extends EventName> {
  /** Jobs with the same key run one at a time, in event order (e.g. one conversation's). */
  orderingKey?: (event: EventOfName<Name>) => string;
  /** Attempts before the job is kept as dead; the queue's default when omitted. */
  maxAttempts?: number;
  /** Only events this accepts get a job (a cheap look at the payload, e.g. which sender). */
  when?: (event: EventOfName<Name>) => boolean;
}

interface DurableListener {
  listenerName: string;
  jobName: string;
  orderingKeyOf(event: DomainEvent): string | undefined;
  accepts(event: DomainEvent): boolean;
}

/**
 * Side effects of events — anything that writes, sends or notifies — run as jobs keyed by (event id, listener
 * name). The outbox enqueues them before it marks the event published, so a crash loses none, and the key makes
 * them run once across all processes however often the event is dispatched. Realtime fan-out (WebSocket
 * pushes, in-memory caches) stays on the event bus, which every process hears.
 */
export class EventJobs {
  private readonly listenersByEvent = new Map<EventName, DurableListener[]>();

  constructor(private readonly jobs: JobQueue) {}

  /** `listenerName` is stable and unique: it is part of every job key, across deploys. */
  listen<Name extends EventName>(
    eventName: Name,
    listenerName: string,
    handle: (event: EventOfName<Name>, context: JobContext) => Promise<void>,
    options: DurableListenerOptions<Name> = {},
  ): void {
    const jobName = `event:${listenerName}`;
    this.jobs.register(jobName, {
      schema: domainEventSchema,
      run: async (event, context) => {
        if (!isEventOfName(event, eventName)) throw new Error(`${jobName} was given a ${event.name} event`);
        await handle(event, context);
      },
      ...(options.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }),
    });
    const listeners = this.listenersByEvent.get(eventName) ?? [];
    listeners.push({
      listenerName,
      jobName,
      orderingKeyOf: (event) =>
        isEventOfName(event, eventName) && options.orderingKey ? options.orderingKey(event) : undefined,
      accepts: (event) => isEventOfName(event, eventName) && (options.when?.(event) ?? true),
    });
    this.listenersByEvent.set(eventName, listeners);
  }

  hasListeners(eventName: EventName): boolean {
    return (this.listenersByEvent.get(eventName)?.length ?? 0) > 0;
  }

  /** One job per listener of the event; the same event again makes no new jobs. Returns the jobs' ids. */
  async enqueueFor(event: DomainEvent): Promise<string[]> {
    const jobIds: string[] = [];
    for (const listener of this.listenersByEvent.get(event.name) ?? []) {
      if (!listener.accepts(event)) continue;
      const orderingKey = listener.orderingKeyOf(event);
      jobIds.push(
        await this.jobs.enqueue({
          name: listener.jobName,
          payload: event,
          idempotencyKey: `${event.id}:${listener.listenerName}`,
          ...(orderingKey !== undefined && { orderingKey }),
        }),
      );
    }
    return jobIds;
  }

  /** Runs the jobs here and now when this process can take them (see `JobQueue.runNow`). */
  runNow(jobIds: readonly string[]): Promise<void> {
    return jobIds.length > 0 ? this.jobs.runNow(jobIds) : Promise.resolve();
  }
}
