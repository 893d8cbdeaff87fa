import type { ScenarioExpectation } from '../checks/checkTypes';

export const devExpectations: Record<string, ScenarioExpectation> = {};
