import type { Clock } from '../../../clock';
import type { Db } from '../../../db/database';
import { newId } from '../../../ids';

export interface AppConnectionsOptions {
  /** How long a socket's row counts after its last renewal (a process that died stops renewing its rows). */
  graceMs: number;
  logger: { warn(details: object, message: string): void };
}

/**
 * Which shoppers have their app open, across processes: each process records its app sockets in
 * `app_connections` and renews them; a closed socket's row goes at once, and the rows of a process that died
 * expire after the grace period (any process's sweep removes them). A reply handled by one process is pushed
 * only when no process holds a live socket of the shopper's app.
 */
export class AppConnections {
  private readonly own = new Set<string>();
  private heartbeat: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: AppConnectionsOptions,
  ) {}

  /** An app socket opened; returns its connection id for `disconnected`. */
  async connected(customerId: string): Promise<string> {
    const id = newId('apc');
    const now = this.clock.now().toISOString();
    this.own.add(id);
    await this.db
      .insertInto('app_connections')
      .values({ id, customer_id: customerId, connected_at: now, seen_at: now })
      .execute();
    return id;
  }

  /** The socket closed. While the process shuts down its rows stay and expire unless the app reconnects. */
  async disconnected(connectionId: string): Promise<void> {
    if (this.stopped || !this.own.delete(connectionId)) return;
    await this.db.deleteFrom('app_connections').where('id', '=', connectionId).execute();
  }

  /** Whether the shopper's app has a live socket in any process. */
  async isConnected(customerId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('app_connections')
      .select('id')
      .where('customer_id', '=', customerId)
      .where('seen_at', '>=', this.freshSince())
      .executeTakeFirst();
    return row !== undefined;
  }

  start(): void {
    const intervalMs = Math.max(50, Math.floor(this.options.graceMs / 3));
    this.heartbeat = setInterval(() => {
      this.renewAndSweep().catch((error: unknown) =>
        this.options.logger.warn({ err: error }, 'app connection heartbeat failed'),
      );
    }, intervalMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  async renewAndSweep(): Promise<void> {
    if (this.own.size > 0)
      await this.db
        .updateTable('app_connections')
        .set({ seen_at: this.clock.now().toISOString() })
        .where('id', 'in', [...this.own])
        .execute();
    await this.db.deleteFrom('app_connections').where('seen_at', '<', this.freshSince()).execute();
  }

  private freshSince(): string {
    return new Date(this.clock.now().getTime() - this.options.graceMs).toISOString();
  }
}
