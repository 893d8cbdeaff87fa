// The knowledge module's public surface: other modules use it only through what is exported here.
export { clusterQuestions } from './gaps';
export { knowledgeRoutes } from './knowledgeRoutes';
export { createKnowledgeModule, startKnowledgeModule } from './module';
export type { KnowledgeModule } from './module';
export { countPublishedVersionsByPeople } from './repo';
