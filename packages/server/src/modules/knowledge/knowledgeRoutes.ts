import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { KefuServices } from '../../services';
import { knowledgeConversationRoutes } from './conversationRoutes';
import { knowledgeGapRoutes } from './gapRoutes';
import { knowledgeImportRoutes } from './importRoutes';
import { knowledgeEntryRoutes } from './routes';

/** Every HTTP route of the knowledge module. */
export const knowledgeRoutes: FastifyPluginAsyncZod<{
  services: Pick<
    KefuServices,
    'auth' | 'clock' | 'conversations' | 'database' | 'knowledge' | 'visitorTokens'
  >;
}> = async (app, { services }) => {
  await app.register(knowledgeEntryRoutes, { services });
  await app.register(knowledgeImportRoutes, { services });
  await app.register(knowledgeGapRoutes, { services });
  await app.register(knowledgeConversationRoutes, { services });
};
