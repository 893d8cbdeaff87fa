import type { ScenarioExpectation } from '../checks/checkTypes';
import { devExpectations } from './dev';

// Written expectations of every scenario set kept in ../shared/shopper-scenarios, keyed by scenario id.
const allExpectations: Readonly<Record<string, ScenarioExpectation>> = { ...devExpectations };

export function findExpectation(scenarioId: string): ScenarioExpectation | undefined {
  return Object.hasOwn(allExpectations, scenarioId) ? allExpectations[scenarioId] : undefined;
}
