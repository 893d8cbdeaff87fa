import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../../clock';
import type { Db } from '../../../db/database';
import { newId } from '../../../ids';
import type { AgentService } from '../service';
import * as connectionsRepo from './connectionsRepo';

export interface PresenceTrackerOptions {
  /** How long an agent stays present after their last console socket closed (a reload reconnects in time). */
  graceMs: number;
  logger: FastifyBaseLogger;
}

/**
 * True presence: an agent counts as present only while a console socket of theirs is open in some process.
 * Each process records its sockets in `agent_connections` and renews them; when an agent's last socket closes,
 * they go offline after the grace period unless a socket of theirs (here or in another process) is open again.
 * Rows of a process that died stop being renewed, and any process's sweep takes those agents offline.
 */
export class AgentPresenceTracker {
  private readonly ownConnections = new Map<string, string>();
  private readonly graceTimers = new Set<NodeJS.Timeout>();
  private heartbeat: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly agents: Pick<AgentService, 'getAgent' | 'setPresence'>,
    private readonly clock: Clock,
    private readonly options: PresenceTrackerOptions,
  ) {}

  /** A console socket opened; returns its connection id for `disconnected`. */
  async connected(agentId: string): Promise<string> {
    const id = newId('con');
    this.ownConnections.set(id, agentId);
    await connectionsRepo.insertConnection(this.db, { id, agentId, now: this.clock.now().toISOString() });
    return id;
  }

  /** A console socket closed: after the grace period, the agent is offline unless they came back. */
  async disconnected(connectionId: string): Promise<void> {
    const agentId = this.ownConnections.get(connectionId);
    // While the process shuts down its sockets close with 1012: their rows go stale unless the console
    // reconnects to another process within the grace period.
    if (!agentId || this.stopped) return;
    this.ownConnections.delete(connectionId);
    await connectionsRepo.deleteConnection(this.db, connectionId);
    const timer = setTimeout(() => {
      this.graceTimers.delete(timer);
      this.takeOfflineIfAbsent(agentId).catch((error: unknown) =>
        this.options.logger.error({ err: error }, 'presence check failed'),
      );
    }, this.options.graceMs);
    this.graceTimers.add(timer);
  }

  /** Whether the agent has an open console socket in any process. */
  isConnected(agentId: string): Promise<boolean> {
    return connectionsRepo.hasFreshConnection(this.db, agentId, this.freshSince());
  }

  start(): void {
    const intervalMs = Math.max(50, Math.floor(this.options.graceMs / 3));
    this.heartbeat = setInterval(() => {
      this.renewAndSweep().catch((error: unknown) =>
        this.options.logger.error({ err: error }, 'presence heartbeat failed'),
      );
    }, intervalMs);
  }

  /** Stops renewing; the rows of this process go stale and another process (or the next start) sweeps them. */
  stop(): void {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const timer of this.graceTimers) clearTimeout(timer);
    this.graceTimers.clear();
  }

  async renewAndSweep(): Promise<void> {
    const now = this.clock.now().toISOString();
    await connectionsRepo.touchConnections(this.db, [...this.ownConnections.keys()], now);
    const agentIds = await connectionsRepo.removeStaleConnections(this.db, this.freshSince());
    for (const agentId of agentIds) await this.takeOfflineIfAbsent(agentId);
  }

  private async takeOfflineIfAbsent(agentId: string): Promise<void> {
    if (await this.isConnected(agentId)) return;
    const agent = await this.agents.getAgent(agentId).catch(() => null);
    if (!agent || agent.presence === 'offline') return;
    await this.agents.setPresence(agentId, 'offline');
  }

  private freshSince(): string {
    return new Date(this.clock.now().getTime() - this.options.graceMs).toISOString();
  }
}
