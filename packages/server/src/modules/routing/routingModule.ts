import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { EventJobs } from '../../events/eventJobs';
import type { UnitOfWork } from '../../events/outbox';
import { AgentRoutingDirectory } from '../agents';
import type { CatalogService } from '../commerce';
import type { ConversationService } from '../conversations';
import { CsatService } from '../csat';
import { HandoffService } from '../handoff';
import { SlaEvaluator, SlaPolicyService, TicketService } from '../tickets';
import { defaultHandoffSettings, handoffSettingsSchema } from '../handoff/schemas';
import { subscribeHandoffListeners } from './listeners';
import { QueueMaintenance } from './queueMaintenance';
import { defaultRoutingSettings, routingSettingsSchema } from './schemas';
import { RoutingService } from './service';
import { SettingsStore } from './settingsStore';

export interface RoutingModuleInput {
  db: Db;
  unitOfWork: UnitOfWork;
  clock: Clock;
  conversations: ConversationService;
  catalog: CatalogService;
  logger: FastifyBaseLogger;
}

/** Handoff, routing, tickets/SLA and CSAT services, built together because they share settings and the queue. */
export function createRoutingModule(input: RoutingModuleInput) {
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

export type RoutingModule = ReturnType<typeof createRoutingModule>;

export interface RoutingModuleTimers {
  /** 0 disables the timer (tests drive ticks by hand with the injected clock). */
  maintenanceIntervalMs: number;
  slaIntervalMs: number;
}

/** Seeds default SLA policies, registers the listeners' jobs, and starts the periodic checks. */
export async function startRoutingModule(
  module: RoutingModule,
  eventJobs: EventJobs,
  timers: RoutingModuleTimers,
): Promise<void> {
  await module.slaPolicies.seedDefaultsIfEmpty();
  subscribeHandoffListeners({
    eventJobs,
    routing: module.routing,
    tickets: module.tickets,
    csat: module.csat,
  });
  if (timers.maintenanceIntervalMs > 0) module.queueMaintenance.start(timers.maintenanceIntervalMs);
  if (timers.slaIntervalMs > 0) module.slaEvaluator.start(timers.slaIntervalMs);
}

export function stopRoutingModule(module: RoutingModule): void {
  module.queueMaintenance.stop();
  module.slaEvaluator.stop();
}
