import type { IntentExamples, IntentTraining } from './modules/intents';
import type { BoundedConcurrency } from './boundedConcurrency';
import type { Clock } from './clock';
import type { KefuConfig } from './config';
import type { KefuDatabase } from './db/database';
import type { EventBus } from './events/eventBus';
import type { EventJobs } from './events/eventJobs';
import type { OutboxPublisher, UnitOfWork } from './events/outbox';
import type { KefuMetrics } from './http/metrics';
import type { VisitorRequestLimits } from './http/visitorRequestLimits';
import type { JobQueue } from './jobs/jobQueue';
import type { AgentService } from './modules/agents/service';
import type { AnalyticsModule } from './modules/analytics';
import type { QaModule } from './modules/qa';
import type { AgentRoutingDirectory } from './modules/agents/routingProfiles';
import type { AgentPresenceTracker } from './modules/agents';
import type { CustomRoles } from './modules/auth/customRoles';
import type { ApiTokens } from './modules/auth/apiTokens';
import type { TwoFactor } from './modules/auth/twoFactor';
import type { AuthService } from './modules/auth/service';
import type { VisitorTokens } from './modules/auth/visitorTokens';
import type { BotPipeline } from './modules/bot/pipeline';
import type { ChannelModule } from './modules/channels/channelsModule';
import type { BotRulesService } from './modules/bot/rulesService';
import type { MessageUnderstander } from './modules/bot/understanding';
import type { WidgetOrigins } from './modules/channels/web/widgetOrigins';
import type { CatalogService } from './modules/commerce/catalogService';
import type { AgentConversationActions } from './modules/conversations/agentActions';
import type { ConversationService } from './modules/conversations/service';
import type { KnowledgeModule } from './modules/knowledge';
import type { CommerceConnector } from './modules/commerce';
import type { ScenarioNotifier } from './modules/notifications';
import type { CsatService } from './modules/csat/service';
import type { HandoffService } from './modules/handoff/service';
import type { handoffSettingsSchema } from './modules/handoff';
import type { QueueMaintenance } from './modules/routing/queueMaintenance';
import type { routingSettingsSchema } from './modules/routing';
import type { RoutingService } from './modules/routing/service';
import type { SettingsStore } from './modules/routing/settingsStore';
import type { SlaEvaluator, SlaPolicyService } from './modules/sla';
import type { TicketService } from './modules/tickets/service';
import type { SuggestionSource } from './modules/bot/suggestions';
import type { UploadService } from './modules/uploads/service';
import type { PhotoStorage } from './modules/uploads/photoStorage';
import type { AuditLog } from './modules/audit/auditLog';
import type { RealtimeGateway } from './realtime/gateway';
import type { OrderDesk } from './modules/orderDesk';
import type { CannedReplies } from './modules/cannedReplies';
import type { CallRecords } from './modules/calls';
import type { WebhookSubscriptions } from './modules/integrations';
import type { MarketingModule } from './modules/marketing';
import type { ScriptVariants } from './modules/bot';
import type { ExperimentService } from './modules/experiments';
import type { WelcomeGreetings } from './modules/channels';

/** Everything the routes and listeners use, built once in `buildApp`. */
export interface KefuServices {
  config: KefuConfig;
  clock: Clock;
  database: KefuDatabase;
  bus: EventBus;
  jobs: JobQueue;
  eventJobs: EventJobs;
  outbox: OutboxPublisher;
  unitOfWork: UnitOfWork;
  metrics: KefuMetrics;
  agents: AgentService;
  /** Who has a console socket open, in any process; takes agents offline when they are gone. */
  presence: AgentPresenceTracker;
  auth: AuthService;
  /** Integrations' API tokens: created, listed and revoked by admins; checked by `auth`. */
  apiTokens: ApiTokens;
  /** Agents' TOTP two-factor: enrolment, the second sign-in step, roles that require it. */
  twoFactor: TwoFactor;
  customRoles: CustomRoles;
  visitorTokens: VisitorTokens;
  /** Bounds the argon2 work of sign-ins and new passwords. */
  passwordWork: BoundedConcurrency;
  /** Per-address and per-visitor request limits of the public visitor API (onRequest hooks). */
  visitorLimits: VisitorRequestLimits;
  botRules: BotRulesService;
  understander: MessageUnderstander;
  bot: BotPipeline;
  conversations: ConversationService;
  agentActions: AgentConversationActions;
  catalog: CatalogService;
  /** The orders panel: a shopper's orders and the agent's actions on them through the connector. */
  orderDesk: OrderDesk;
  /** Canned replies kept on the server, personal or shared with a team. */
  cannedReplies: CannedReplies;
  knowledge: KnowledgeModule;
  commerce: { connector: CommerceConnector; notifier: ScenarioNotifier };
  gateway: RealtimeGateway;
  agentRouting: AgentRoutingDirectory;
  routingSettings: SettingsStore<typeof routingSettingsSchema>;
  handoffSettings: SettingsStore<typeof handoffSettingsSchema>;
  routing: RoutingService;
  queueMaintenance: QueueMaintenance;
  handoff: HandoffService;
  tickets: TicketService;
  slaPolicies: SlaPolicyService;
  slaEvaluator: SlaEvaluator;
  csat: CsatService;
  uploads: UploadService;
  /** Where shoppers' photos are kept (exported with their data, removed on erasure). */
  photoStorage: PhotoStorage;
  /** The hash-chained audit log: filters, export, chain check. */
  auditLog: AuditLog;
  /** Sites allowed to embed the widget (CORS of the visitor API). */
  widgetOrigins: WidgetOrigins;
  /** A shop's own intent examples (training data). */
  intentExamples: IntentExamples;
  /** Retraining the intent model, its versions, promotion and roll back, the bot's misses. */
  intentTraining: IntentTraining;
  /** 猜你想问: the page's product and the most asked questions (opening screen and greetings). */
  suggestions: SuggestionSource;
  analytics: AnalyticsModule;
  qa: QaModule;
  /** The channel seam: adapters by kind, the ingest use-case, the visitor API's wait for replies. */
  channels: ChannelModule;
  /** Phone calls with customers: the call-center webhook and calls logged by agents. */
  calls: CallRecords;
  /** Outbound signed webhooks to a shop's CRM or ERP (admin use-cases; deliveries run as jobs). */
  webhooks: WebhookSubscriptions;
  /** After-conversation offers: rules, the offer jobs, click tracking, redemptions, figures and consent. */
  marketing: MarketingModule;
  /** The text the bot says for a script: a running A/B test's variant, or the script's own. */
  scriptVariants: ScriptVariants;
  /** The shop's welcome greeting (built in until an A/B test's winner replaces it). */
  welcomeGreetings: WelcomeGreetings;
  /** A/B tests of the bot's reply scripts (admin use-cases; outcomes recorded as jobs). */
  experiments: ExperimentService;
}
