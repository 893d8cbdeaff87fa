// `npm run bench` (routing part): assignment decisions per second of the routing decision, the pure
// in-memory function the dispatcher runs over the queue (the database is the record; writes are excluded).
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { RoutingAgent, RoutingRequest } from '../../packages/server/src/modules/routing/planAssignments';
import {
  compareQueueOrder,
  planAssignments,
  priorityRank,
  RoutingPool,
} from '../../packages/server/src/modules/routing/planAssignments';

const queuedCount = Number(process.env.BENCH_QUEUED ?? 10_000);
const agentCount = Number(process.env.BENCH_AGENTS ?? 500);
const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const categories = [
  'logistics',
  'delivery_problem',
  'orders',
  'after_sales',
  'refund',
  'billing',
  'pre_sales',
  'account',
  'complaint',
  'general',
];
const languages = ['zh', 'en'];
const channels = ['web', 'app', 'wechat', 'email'];
const productLines = ['apparel', 'electronics', 'home', 'beauty', 'food'];
const priorities = ['low', 'normal', 'high', 'urgent'];

/** A deterministic pseudo-random sequence, so every run measures the same workload. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function pick<Value>(random: () => number, values: readonly Value[]): Value {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error('empty list');
  return value;
}

function someOf(random: () => number, values: readonly string[], chance: number): Set<string> {
  return new Set(random() < chance ? values.filter(() => random() < 0.4) : []);
}

function buildAgents(random: () => number): RoutingAgent[] {
  return Array.from({ length: agentCount }, (_, index) => ({
    id: `agt_${index}`,
    capacity: 1 + Math.floor(random() * 8),
    load: Math.floor(random() * 2),
    categories: someOf(random, categories, 0.6),
    languages: random() < 0.3 ? new Set([pick(random, languages)]) : new Set<string>(),
    channels: someOf(random, channels, 0.2),
    productLines: someOf(random, productLines, 0.3),
    teamIds: new Set<string>(random() < 0.2 ? [`team_${index % 10}`] : []),
    lastAssignedAt: Math.floor(random() * 1_000_000),
  }));
}

function buildQueue(random: () => number) {
  const start = Date.UTC(2026, 0, 5, 2, 0, 0);
  return Array.from({ length: queuedCount }, (_, index) => ({
    key: {
      priorityRank: priorityRank(pick(random, priorities)),
      enqueuedAt: new Date(start + Math.floor(random() * 3_600_000)).toISOString(),
      conversationId: `conv_${String(index).padStart(6, '0')}`,
    },
    request: {
      conversationId: `conv_${String(index).padStart(6, '0')}`,
      category: pick(random, categories),
      language: random() < 0.8 ? 'zh' : 'en',
      channel: pick(random, channels),
      productLine: random() < 0.5 ? pick(random, productLines) : null,
      teamId: random() < 0.05 ? `team_${Math.floor(random() * 10)}` : null,
      preferredAgentId: random() < 0.2 ? `agt_${Math.floor(random() * agentCount)}` : null,
      excludedAgentId: null,
    } satisfies RoutingRequest,
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function main(): void {
  const random = createRandom(42);
  const agents = buildAgents(random);
  const queue = buildQueue(random);
  const totalCapacity = agents.reduce((sum, agent) => sum + agent.capacity - agent.load, 0);
  console.log('Kefu routing benchmark');
  console.log(
    `  machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${process.platform}`,
  );
  console.log(
    `  queue: ${queuedCount} waiting conversations (4 priorities, ${categories.length} categories, 2 languages, ${channels.length} channels, ${productLines.length} product lines, 20% sticky, 5% team-bound)`,
  );
  console.log(
    `  agents: ${agentCount} online, capacity 1–8, free slots ${totalCapacity}, random skill sets; ${rounds} rounds, median reported`,
  );
  console.log(
    '  measured: queue sort + one assignment decision per waiting conversation (pure function; DB writes excluded)\n',
  );

  const fullPass: number[] = [];
  let assigned = 0;
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    const ordered = [...queue].sort((left, right) => compareQueueOrder(left.key, right.key));
    const plan = planAssignments(
      ordered.map((entry) => entry.request),
      agents,
      'least_loaded',
    );
    const elapsedMs = performance.now() - started;
    assigned = plan.length;
    fullPass.push(queuedCount / (elapsedMs / 1000));
  }
  const singles: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const roomy = agents.map((agent) => ({ ...agent, capacity: 1_000_000 }));
    const started = performance.now();
    const pool = new RoutingPool(roomy, 'least_loaded');
    for (const entry of queue) pool.assign(entry.request);
    singles.push(queuedCount / ((performance.now() - started) / 1000));
  }
  console.log('| scenario | decisions/s (median) | assigned |');
  console.log('| --- | ---: | ---: |');
  console.log(
    `| full queue pass: ${queuedCount} queued × ${agentCount} agents, least-loaded | ${median(fullPass).toFixed(0)} | ${assigned} |`,
  );
  console.log(
    `| one decision at a time, every agent with room (no early exit) | ${median(singles).toFixed(0)} | ${queuedCount} |`,
  );
  const goal = 5_000;
  console.log(
    `\nGoal ≥ ${goal} decisions/s: ${Math.min(median(fullPass), median(singles)) >= goal ? 'met' : 'NOT met'}`,
  );
}

main();
