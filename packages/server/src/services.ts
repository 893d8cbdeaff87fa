import type { Clock } from './clock';
import type { KefuConfig } from './config';
import type { KefuDatabase } from './db/database';
import type { EventBus } from './events/eventBus';
import type { OutboxPublisher, UnitOfWork } from './events/outbox';
import type { KefuMetrics } from './http/metrics';
import type { AgentService } from './modules/agents/service';
import type { AuthService } from './modules/auth/service';
import type { VisitorTokens } from './modules/auth/visitorTokens';
import type { BotPipeline } from './modules/bot/pipeline';
import type { BotRulesService } from './modules/bot/rulesService';
import type { MessageUnderstander } from './modules/bot/understanding';
import type { CatalogService } from './modules/commerce/catalogService';
import type { AgentConversationActions } from './modules/conversations/agentActions';
import type { ConversationService } from './modules/conversations/service';
import type { RealtimeGateway } from './realtime/gateway';

/** Everything the routes and listeners use, built once in `buildApp`. */
export interface KefuServices {
  config: KefuConfig;
  clock: Clock;
  database: KefuDatabase;
  bus: EventBus;
  outbox: OutboxPublisher;
  unitOfWork: UnitOfWork;
  metrics: KefuMetrics;
  agents: AgentService;
  auth: AuthService;
  visitorTokens: VisitorTokens;
  botRules: BotRulesService;
  understander: MessageUnderstander;
  bot: BotPipeline;
  conversations: ConversationService;
  agentActions: AgentConversationActions;
  catalog: CatalogService;
  gateway: RealtimeGateway;
}
