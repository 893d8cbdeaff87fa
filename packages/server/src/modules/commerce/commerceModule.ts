import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../clock';
import type { KefuConfig } from '../../config';
import type { Db } from '../../db/database';
import type { EventJobs } from '../../events/eventJobs';
import type { UnitOfWork } from '../../events/outbox';
import { ScenarioNotifier } from '../notifications';
import type { CommerceConnector } from './connector';
import { createCommerceConnector } from './createCommerceConnector';

export interface CommerceModule {
  connector: CommerceConnector;
  notifier: ScenarioNotifier;
}

export interface CommerceDependencies {
  config: KefuConfig;
  db: Db;
  unitOfWork: UnitOfWork;
  clock: Clock;
  logger: FastifyBaseLogger;
}

/** The connector chosen by config and the proactive scenario messages that follow shop events. */
export function createCommerceModule(dependencies: CommerceDependencies): CommerceModule {
  const { config, db, unitOfWork, clock, logger } = dependencies;
  return {
    connector: createCommerceConnector(config.commerce, db, clock),
    notifier: new ScenarioNotifier(db, unitOfWork, clock, config.commerce.scenarioMessages, logger),
  };
}

export async function startCommerceModule(
  commerce: CommerceModule,
  eventJobs: EventJobs,
  options: { timers: boolean },
): Promise<void> {
  commerce.notifier.listenTo(eventJobs);
  await commerce.notifier.deliverDue();
  if (options.timers) commerce.notifier.startSweeping();
}

export function stopCommerceModule(commerce: CommerceModule): void {
  commerce.notifier.stopSweeping();
}
