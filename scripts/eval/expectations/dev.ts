import type { ScenarioExpectation } from '../checks/checkTypes';
import { devHantEnExpectations } from './devHantEn';
import { devZhOrderExpectations } from './devZhOrders';
import { devZhOtherExpectations } from './devZhOther';

// Written expectations for ../shared/shopper-scenarios/dev.jsonl, keyed by scenario id. Each is derived
// from the scenario's `expect` text and the demo shop's data, never from what the bot says.
export const devExpectations: Record<string, ScenarioExpectation> = {
  ...devZhOrderExpectations,
  ...devZhOtherExpectations,
  ...devHantEnExpectations,
};
