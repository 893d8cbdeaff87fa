import type { VisitorServiceStatus } from '@kefu/sdk';
import type { Clock } from '../../../clock';
import type { AgentRoutingDirectory } from '../../agents';
import { localOffsetMinutes, nextOpeningAt } from '../../routing';
import type { RoutingService } from '../../routing';
import type { BusinessHours } from '../../routing';

export interface ServiceStatusDependencies {
  clock: Clock;
  routing: Pick<RoutingService, 'settings'>;
  agentRouting: Pick<AgentRoutingDirectory, 'loadOnlineAgents'>;
}

const dayMs = 24 * 3_600_000;

/** What the widget's header says: how many agents are online now, and when people are back if none is. */
export async function readServiceStatus(
  dependencies: ServiceStatusDependencies,
): Promise<VisitorServiceStatus> {
  const settings = await dependencies.routing.settings();
  const online = await dependencies.agentRouting.loadOnlineAgents(settings.defaultCapacity);
  const now = dependencies.clock.now();
  const opening = nextOpeningAt(settings.businessHours, now);
  const open = opening !== null && opening.getTime() === now.getTime();
  return {
    agentsOnline: online.length,
    open,
    nextOpening: !open && opening ? describeOpening(settings.businessHours, now, opening) : null,
  };
}

/** The opening as the shop's clock reads it: `09:00`, and how many calendar days from today. */
function describeOpening(
  hours: BusinessHours,
  now: Date,
  opening: Date,
): NonNullable<VisitorServiceStatus['nextOpening']> {
  const offsetMs = localOffsetMinutes(hours, opening) * 60_000;
  const localOpening = new Date(opening.getTime() + offsetMs);
  const localToday = Math.floor((now.getTime() + offsetMs) / dayMs);
  return {
    at: opening.toISOString(),
    localTime: localOpening.toISOString().slice(11, 16),
    daysFromToday: Math.floor(localOpening.getTime() / dayMs) - localToday,
  };
}
