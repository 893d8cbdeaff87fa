// The notifications module's public surface: other modules use it only through what is exported here.
export { ScenarioNotifier } from './scenarioNotifier';
