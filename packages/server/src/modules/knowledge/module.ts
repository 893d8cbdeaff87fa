import { OpenAiEmbeddingProvider } from '@kefu/nlu';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../clock';
import type { KefuConfig } from '../../config';
import type { Db } from '../../db/database';
import type { EventBus } from '../../events/eventBus';
import type { UnitOfWork } from '../../events/outbox';
import type { ScriptVariants } from '../bot';
import type { CatalogService } from '../commerce';
import type { ConversationService } from '../conversations';
import { KnowledgeAnswerer } from './answerer';
import { KnowledgeGapService } from './gaps';
import { KnowledgeImportService } from './importJobs';
import { KnowledgeStage } from './knowledgeStage';
import { LlmAnswerComposer } from './llmComposer';
import { ProductAnswerer } from './productAnswers';
import { KnowledgeQuestionLog } from './questionLog';
import { KnowledgeIndex } from './searchIndex';
import { seedDefaultKnowledgeIfEmpty } from './seedDefaultKnowledge';
import { KnowledgeService } from './service';

export interface KnowledgeModule {
  entries: KnowledgeService;
  answerer: KnowledgeAnswerer;
  questions: KnowledgeQuestionLog;
  gaps: KnowledgeGapService;
  imports: KnowledgeImportService;
  stage: KnowledgeStage;
}

export interface KnowledgeDependencies {
  config: KefuConfig;
  db: Db;
  unitOfWork: UnitOfWork;
  clock: Clock;
  catalog: CatalogService;
  conversations: ConversationService;
  logger: FastifyBaseLogger;
  /** Which text an FAQ answer says (an A/B test's variant); the entry's own without it. */
  scripts?: ScriptVariants;
}

/** Builds the knowledge module's services; the LLM composer and dense retrieval only when configured. */
export function createKnowledgeModule(dependencies: KnowledgeDependencies): KnowledgeModule {
  const { config, db, unitOfWork, clock, catalog, conversations, logger } = dependencies;
  const embeddings = config.embeddings
    ? new OpenAiEmbeddingProvider({
        baseUrl: config.embeddings.baseUrl,
        model: config.embeddings.model,
        ...(config.embeddings.apiKey && { apiKey: config.embeddings.apiKey }),
      })
    : undefined;
  const entries = new KnowledgeService(db, unitOfWork, new KnowledgeIndex(embeddings));
  const products = new ProductAnswerer(catalog, clock);
  const composer = config.llm ? new LlmAnswerComposer(config.llm, logger) : null;
  const answerer = new KnowledgeAnswerer(entries.index, products, composer);
  const questions = new KnowledgeQuestionLog(db, conversations, clock);
  return {
    entries,
    answerer,
    questions,
    gaps: new KnowledgeGapService(db, unitOfWork, entries, clock),
    imports: new KnowledgeImportService(db, unitOfWork, entries, clock, logger),
    stage: new KnowledgeStage(answerer, products, questions, () => clock.now(), dependencies.scripts),
  };
}

/**
 * Seeds the default content on first start, loads the index, follows publications made by other
 * instances, and resumes imports a previous process left unfinished.
 */
export async function startKnowledgeModule(
  knowledge: KnowledgeModule,
  db: Db,
  bus: EventBus,
  options: { seed: boolean },
): Promise<void> {
  if (options.seed) await seedDefaultKnowledgeIfEmpty(db, knowledge.entries);
  await knowledge.entries.loadIndex();
  bus.subscribe('knowledge.entry_published', ({ payload }) =>
    knowledge.entries.refreshIndex([payload.entryId]),
  );
  bus.subscribe('knowledge.entry_unpublished', ({ payload }) =>
    knowledge.entries.refreshIndex([payload.entryId]),
  );
  await knowledge.imports.resumeUnfinished();
}
