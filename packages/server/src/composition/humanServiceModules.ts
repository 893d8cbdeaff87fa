import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { EventJobs } from '../events/eventJobs';
import type { UnitOfWork } from '../events/outbox';
import { AgentRoutingDirectory } from '../modules/agents';
import type { CatalogService } from '../modules/commerce';
import type { ConversationService } from '../modules/conversations';
import { CsatService, listenForRatingRequests } from '../modules/csat';
import { HandoffService } from '../modules/handoff';
import { defaultHandoffSettings, handoffSettingsSchema } from '../modules/handoff/schemas';
import { listenForRoutingWork, QueueMaintenance, RoutingService, SettingsStore } from '../modules/routing';
import { defaultRoutingSettings, routingSettingsSchema } from '../modules/routing/schemas';
import { listenForTicketWork, SlaEvaluator, SlaPolicyService, TicketService } from '../modules/tickets';

export interface HumanServiceInput {
  db: Db;
  unitOfWork: UnitOfWork;
  clock: Clock;
  conversations: ConversationService;
  catalog: CatalogService;
  logger: FastifyBaseLogger;
}

/**
 * The human-service wave — agents' routing profiles, handoff, routing (the queue), tickets, SLA and CSAT — wired
 * together here, in the composition root, because they share settings and call each other's use-cases.
 */
export function createHumanServiceModules(input: HumanServiceInput) {
  const { db, unitOfWork, clock, logger } = input;
  const agentRouting = new AgentRoutingDirectory(db, clock);
  const routingSettings = new SettingsStore(
    db,
    clock,
    'routing',
    routingSettingsSchema,
    defaultRoutingSettings,
  );
  const handoffSettings = new SettingsStore(
    db,
    clock,
    'handoff',
    handoffSettingsSchema,
    defaultHandoffSettings,
  );
  const routingDependencies = { db, unitOfWork, clock, settings: routingSettings, directory: agentRouting };
  const routing = new RoutingService(routingDependencies);
  return {
    agentRouting,
    routingSettings,
    handoffSettings,
    routing,
    queueMaintenance: new QueueMaintenance(routingDependencies, routing, logger),
    handoff: new HandoffService({
      db,
      unitOfWork,
      settings: handoffSettings,
      routing,
      conversations: input.conversations,
      catalog: input.catalog,
    }),
    tickets: new TicketService(db, unitOfWork, routing, agentRouting),
    slaPolicies: new SlaPolicyService(db, clock),
    slaEvaluator: new SlaEvaluator(db, unitOfWork, clock, logger),
    csat: new CsatService(db, unitOfWork),
  };
}

export type HumanServiceModules = ReturnType<typeof createHumanServiceModules>;

export interface HumanServiceTimers {
  /** 0 disables the timer (tests drive ticks by hand with the injected clock). */
  maintenanceIntervalMs: number;
  slaIntervalMs: number;
}

/**
 * Seeds default SLA policies, registers each module's listeners, and starts the periodic checks. The order of
 * registration is the order in which one event's jobs run: a handed-off conversation is routed before its
 * ticket is opened, and a resolved one frees the agent's slot before the rating is asked.
 */
export async function startHumanServiceModules(
  module: HumanServiceModules,
  eventJobs: EventJobs,
  timers: HumanServiceTimers,
): Promise<void> {
  await module.slaPolicies.seedDefaultsIfEmpty();
  listenForRoutingWork(eventJobs, module.routing);
  listenForTicketWork(eventJobs, module.tickets);
  listenForRatingRequests(eventJobs, module.csat);
  if (timers.maintenanceIntervalMs > 0) module.queueMaintenance.start(timers.maintenanceIntervalMs);
  if (timers.slaIntervalMs > 0) module.slaEvaluator.start(timers.slaIntervalMs);
}

export function stopHumanServiceModules(module: HumanServiceModules): void {
  module.queueMaintenance.stop();
  module.slaEvaluator.stop();
}
