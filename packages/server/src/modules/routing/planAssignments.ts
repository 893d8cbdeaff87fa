import type { RoutingMode } from './schemas';

// The routing decision: pure and in memory, so it is fast and testable; the database stays the record.

export interface RoutingAgent {
  id: string;
  capacity: number;
  /** Conversations the agent holds now. */
  load: number;
  /** Empty set: any value. */
  categories: ReadonlySet<string>;
  languages: ReadonlySet<string>;
  channels: ReadonlySet<string>;
  productLines: ReadonlySet<string>;
  teamIds: ReadonlySet<string>;
  /** Milliseconds; 0 when never assigned. Round robin picks the longest idle. */
  lastAssignedAt: number;
}

export interface RoutingRequest {
  conversationId: string;
  category: string;
  language: string;
  channel: string;
  productLine: string | null;
  teamId: string | null;
  /** The shopper's previous agent, tried first when online with room. */
  preferredAgentId: string | null;
  /** The agent the conversation was taken from (went offline, transferred away). */
  excludedAgentId: string | null;
}

export interface QueueOrderKey {
  priorityRank: number;
  enqueuedAt: string;
  conversationId: string;
}

const priorityRanks: Record<string, number> = { urgent: 3, high: 2, normal: 1, low: 0 };

export function priorityRank(priority: string): number {
  return priorityRanks[priority] ?? 1;
}

/** Queue order: higher priority first, then longer waiting, then id for a stable order. */
export function compareQueueOrder(left: QueueOrderKey, right: QueueOrderKey): number {
  if (left.priorityRank !== right.priorityRank) return right.priorityRank - left.priorityRank;
  if (left.enqueuedAt !== right.enqueuedAt) return left.enqueuedAt < right.enqueuedAt ? -1 : 1;
  return left.conversationId < right.conversationId ? -1 : left.conversationId > right.conversationId ? 1 : 0;
}

/**
 * Holds the online agents and answers "who takes this conversation" in O(candidates): agents matching a
 * combination of skills are computed once per combination and reused for every conversation needing it.
 */
export class RoutingPool {
  private readonly agentsById: Map<string, RoutingAgent>;
  private readonly candidatesByKey = new Map<string, RoutingAgent[]>();
  private assignmentTick: number;

  constructor(
    agents: readonly RoutingAgent[],
    private readonly mode: RoutingMode,
  ) {
    this.agentsById = new Map(agents.map((agent) => [agent.id, { ...agent }]));
    this.assignmentTick = Math.max(0, ...agents.map((agent) => agent.lastAssignedAt));
  }

  /** Picks an agent for the request and counts the conversation in their load; null when nobody can take it. */
  assign(request: RoutingRequest): RoutingAgent | null {
    const chosen = this.choose(request);
    if (!chosen) return null;
    chosen.load += 1;
    this.assignmentTick += 1;
    chosen.lastAssignedAt = this.assignmentTick;
    return chosen;
  }

  /** Whether this agent may take the request (skills, team, room), for manual pull. */
  canTake(agentId: string, request: RoutingRequest): boolean {
    const agent = this.agentsById.get(agentId);
    return (
      agent !== undefined &&
      hasRoom(agent) &&
      matchesSkills(agent, request) &&
      agent.id !== request.excludedAgentId
    );
  }

  agent(agentId: string): RoutingAgent | undefined {
    return this.agentsById.get(agentId);
  }

  private choose(request: RoutingRequest): RoutingAgent | null {
    const preferred = request.preferredAgentId ? this.agentsById.get(request.preferredAgentId) : undefined;
    if (
      preferred &&
      hasRoom(preferred) &&
      inTeam(preferred, request) &&
      preferred.id !== request.excludedAgentId
    )
      return preferred;
    let best: RoutingAgent | null = null;
    for (const candidate of this.candidatesFor(request)) {
      if (!hasRoom(candidate) || candidate.id === request.excludedAgentId) continue;
      if (!best || this.isBetter(candidate, best)) best = candidate;
    }
    return best;
  }

  private isBetter(candidate: RoutingAgent, best: RoutingAgent): boolean {
    if (this.mode === 'round_robin') return candidate.lastAssignedAt < best.lastAssignedAt;
    const candidateRatio = candidate.load / candidate.capacity;
    const bestRatio = best.load / best.capacity;
    if (candidateRatio !== bestRatio) return candidateRatio < bestRatio;
    if (candidate.load !== best.load) return candidate.load < best.load;
    return candidate.lastAssignedAt < best.lastAssignedAt;
  }

  private candidatesFor(request: RoutingRequest): RoutingAgent[] {
    const key = `${request.category}\u0000${request.language}\u0000${request.channel}\u0000${request.productLine ?? ''}\u0000${request.teamId ?? ''}`;
    let candidates = this.candidatesByKey.get(key);
    if (!candidates) {
      candidates = [...this.agentsById.values()].filter((agent) => matchesSkills(agent, request));
      this.candidatesByKey.set(key, candidates);
    }
    return candidates;
  }
}

export interface PlannedAssignment {
  conversationId: string;
  agentId: string;
}

/**
 * Walks the queue in order and assigns whoever can be assigned. Manual mode assigns nothing: agents pull.
 * `requests` must already be in queue order (see `compareQueueOrder`).
 */
export function planAssignments(
  requests: readonly RoutingRequest[],
  agents: readonly RoutingAgent[],
  mode: RoutingMode,
): PlannedAssignment[] {
  if (mode === 'manual' || agents.length === 0) return [];
  const pool = new RoutingPool(agents, mode);
  const planned: PlannedAssignment[] = [];
  for (const request of requests) {
    const agent = pool.assign(request);
    if (agent) planned.push({ conversationId: request.conversationId, agentId: agent.id });
  }
  return planned;
}

function hasRoom(agent: RoutingAgent): boolean {
  return agent.load < agent.capacity;
}

function inTeam(agent: RoutingAgent, request: RoutingRequest): boolean {
  return request.teamId === null || agent.teamIds.has(request.teamId);
}

function matchesSkills(agent: RoutingAgent, request: RoutingRequest): boolean {
  return (
    inTeam(agent, request) &&
    allows(agent.categories, request.category) &&
    allows(agent.languages, request.language) &&
    allows(agent.channels, request.channel) &&
    (request.productLine === null || allows(agent.productLines, request.productLine))
  );
}

function allows(accepted: ReadonlySet<string>, value: string): boolean {
  return accepted.size === 0 || accepted.has(value);
}
