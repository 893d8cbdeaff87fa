import type { DomainEvent, EventName } from './catalog';

export type EventOfName<Name extends EventName> = Extract<DomainEvent, { name: Name }>;
export type EventHandler<Name extends EventName> = (event: EventOfName<Name>) => void | Promise<void>;

export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  subscribe<Name extends EventName>(name: Name, handler: EventHandler<Name>): () => void;
  close(): Promise<void>;
}

type AnyHandler = (event: DomainEvent) => void | Promise<void>;

/**
 * Delivers events to the handlers registered in this process. A failing handler is reported and does
 * not stop the others: each listener owns one concern.
 */
export class LocalEventBus implements EventBus {
  private readonly handlersByName = new Map<EventName, Set<AnyHandler>>();

  constructor(private readonly reportHandlerError: (error: unknown, event: DomainEvent) => void) {}

  subscribe<Name extends EventName>(name: Name, handler: EventHandler<Name>): () => void {
    const wrapped: AnyHandler = (event) => {
      if (isEventOfName(event, name)) return handler(event);
    };
    const handlers = this.handlersByName.get(name) ?? new Set<AnyHandler>();
    handlers.add(wrapped);
    this.handlersByName.set(name, handlers);
    return () => handlers.delete(wrapped);
  }

  async publish(event: DomainEvent): Promise<void> {
    const handlers = [...(this.handlersByName.get(event.name) ?? [])];
    await Promise.all(
      handlers.map(async (handler) => {
        try {
          await handler(event);
        } catch (error) {
          this.reportHandlerError(error, event);
        }
      }),
    );
  }

  async close(): Promise<void> {
    this.handlersByName.clear();
  }
}

export function isEventOfName<Name extends EventName>(
  event: DomainEvent,
  name: Name,
): event is EventOfName<Name> {
  return event.name === name;
}
