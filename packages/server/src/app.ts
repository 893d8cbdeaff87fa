import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { KefuConfig } from './config';
import { openDatabase } from './db/database';
import type { DomainEvent } from './events/catalog';
import { LocalEventBus } from './events/eventBus';
import { EventJobs } from './events/eventJobs';
import { OutboxPublisher, UnitOfWork } from './events/outbox';
import { RedisEventBus } from './events/redisEventBus';
import { BoundedConcurrency } from './boundedConcurrency';
import { KefuError } from './errors';
import { installErrorHandler } from './http/errorHandler';
import { registerRequestLimits } from './http/requestLimits';
import { allowAnyone, RouteAccess } from './http/routeAccess';
import { installSecurityHeaders } from './http/securityHeaders';
import { createVisitorRequestLimits } from './http/visitorRequestLimits';
import { createJobQueue } from './jobs/createJobQueue';
import type { JobQueueOptions } from './jobs/jobQueue';
import { registerConsoleAssets } from './http/consoleAssets';
import { registerWebSocketsWithGracefulShutdown } from './http/gracefulShutdown';
import { healthRoutes } from './http/healthRoutes';
import { createMetrics, installHttpMetrics, registerConnectionGauge } from './http/metrics';
import { redactUrl } from './http/redactUrl';
import { installWidgetCors } from './http/widgetCors';
import { agentRoutes } from './modules/agents/routes';
import {
  alertRoutes,
  createAnalyticsModule,
  reportRoutes,
  startAnalyticsModule,
  stopAnalyticsModule,
} from './modules/analytics';
import { AgentService } from './modules/agents/service';
import { roleRoutes } from './modules/auth/roleRoutes';
import { ApiTokens } from './modules/auth/apiTokens';
import { apiTokenRoutes } from './modules/auth/apiTokenRoutes';
import { TwoFactor } from './modules/auth/twoFactor';
import { twoFactorRoutes } from './modules/auth/twoFactorRoutes';
import { registerApiTokenRequests } from './http/apiTokenRequests';
import { authRoutes } from './modules/auth/routes';
import { CustomRoles } from './modules/auth/customRoles';
import { AuthService } from './modules/auth/service';
import { VisitorTokens } from './modules/auth/visitorTokens';
import { BotPipeline } from './modules/bot/pipeline';
import { botRuleRoutes } from './modules/bot/routes';
import { BotRulesService } from './modules/bot/rulesService';
import { FallbackStage } from './modules/bot/stages/fallbackStage';
import { IntentStage } from './modules/bot/stages/intentStage';
import { PolicyQuestionStage } from './modules/bot/stages/policyQuestionStage';
import { RecommendationStage } from './modules/bot/stages/recommendationStage';
import { PhotoStage } from './modules/bot/stages/photoStage';
import { RuleStage } from './modules/bot/stages/ruleStage';
import { SmallTalkStage } from './modules/bot/stages/smallTalkStage';
import { createNluUnderstander } from './modules/bot/understanding';
import { localizeReply } from './replyLocale';
import { seedDemoShopIfEmpty } from './modules/commerce/builtin/seedDemoShop';
import { CatalogService } from './modules/commerce/catalogService';
import { shopRoutes } from './modules/commerce/routes';
import { commerceAdminRoutes } from './modules/commerce/adminRoutes';
import { createCommerceConnector } from './modules/commerce';
import { ScenarioNotifier } from './modules/notifications';
import { commerceWebhookRoutes } from './modules/commerce/webhookRoutes';
import { createFlowStage } from './modules/bot/stages/flowStage';
import type { ChannelRegistry } from './modules/channels/channelRegistry';
import { createChannelModule, startChannelModule } from './modules/channels/channelsModule';
import { deliveryRoutes } from './modules/channels/deliveries/deliveryRoutes';
import { channelAccountRoutes } from './modules/channels/accounts/channelAccountRoutes';
import { channelInboundRoutes } from './modules/channels/inboundRoutes';
import { visitorRoutes } from './modules/channels/web/visitorRoutes';
import { pushRegistrationRoutes } from './modules/channels/push/pushRoutes';
import { CallRecords, callRoutes, callWebhookRoutes } from './modules/calls';
import { createShopSuggestions } from './modules/channels/web/shopSuggestions';
import { welcomeRoutes } from './modules/channels/web/welcomeRoutes';
import { widgetOriginRoutes } from './modules/channels/web/widgetOriginRoutes';
import { WidgetOrigins } from './modules/channels/web/widgetOrigins';
import { agentConversationRoutes } from './modules/conversations/agentRoutes';
import { replyChannelRoutes } from './modules/conversations/replyChannelRoutes';
import { AgentConversationActions } from './modules/conversations/agentActions';
import { DialogueStateStore } from './modules/conversations/dialogueStateStore';
import { ConversationService } from './modules/conversations/service';
import { customerRoutes } from './modules/customers/routes';
import { customerMergeRoutes } from './modules/customers/mergeRoutes';
import { createKnowledgeModule, knowledgeRoutes, startKnowledgeModule } from './modules/knowledge';
import { createQaModule, qaRoutes, startQaModule } from './modules/qa';
import { PhotoStorage } from './modules/uploads/photoStorage';
import { AuditLog } from './modules/audit/auditLog';
import { auditRoutes } from './modules/audit/routes';
import { createFieldCipher, PersonalDataPlugin, privacyRoutes, startPrivacyJobs } from './modules/privacy';
import { uploadRoutes } from './modules/uploads/routes';
import { UploadService } from './modules/uploads/service';
import { RealtimeGateway } from './realtime/gateway';
import { createVisitorPush } from './realtime/visitorPush';
import type { KefuServices } from './services';
import {
  createHumanServiceModules,
  startHumanServiceModules,
  stopHumanServiceModules,
} from './composition/humanServiceModules';
import { AgentPresenceTracker, agentRoutingRoutes } from './modules/agents';
import { csatRoutes } from './modules/csat';
import { handoffRoutes } from './modules/handoff';
import { OrderDesk, orderDeskRoutes } from './modules/orderDesk';
import { CannedReplies, cannedReplyRoutes } from './modules/cannedReplies';
import { queueRoutes } from './modules/routing';
import { slaRoutes } from './modules/sla';
import { ticketRoutes } from './modules/tickets';
import {
  IntentExamples,
  intentExampleRoutes,
  IntentTraining,
  intentTrainingRoutes,
  type IntentCorpus,
} from './modules/intents';
import { setupRoutes } from './modules/setup';
import { createIntegrationsModule, startIntegrationsModule, webhookRoutes } from './modules/integrations';
import {
  createMarketingModule,
  marketingRedemptionRoutes,
  marketingRoutes,
  startMarketingModule,
} from './modules/marketing';
import {
  experimentRoutes,
  ExperimentScriptVariants,
  ExperimentService,
  listenForExperimentOutcomes,
} from './modules/experiments';
import { createExperimentScriptCatalog } from './composition/experimentScripts';
import { WelcomeGreetings } from './modules/channels';

export interface AppDependencies {
  clock?: Clock;
  /** Pino options or `false`; defaults to JSON logs at the configured level. */
  logger?: FastifyServerOptions['logger'];
  /** `false`: no periodic queue/SLA checks (tests call them with a manual clock). */
  routingTimers?: boolean;
  /** Overrides of the job queue's timings (tests shorten leases and grace periods). */
  jobOptions?: Partial<JobQueueOptions>;
  /** Channel adapters that replace a kind's entry in the registry (a deployment's own, a test platform). */
  channelAdapters?: Partial<ChannelRegistry>;
  /** The built-in sentences intent training learns from and measures with (tests use a smaller share). */
  intentCorpus?: () => IntentCorpus;
}

export interface KefuApp {
  app: FastifyInstance;
  services: KefuServices;
  /** Every route and the access decision it made (the authorisation-matrix suite walks it). */
  routeAccess: RouteAccess;
  /** Set on a fresh install without KEFU_ADMIN_PASSWORD: shown once, never stored in clear. */
  generatedAdminPassword: string | null;
}

const widgetDistDir = fileURLToPath(new URL('../../widget/dist/', import.meta.url));

/** The composition root: builds every service from the config, wires listeners and routes. No globals. */
export async function buildApp(config: KefuConfig, dependencies: AppDependencies = {}): Promise<KefuApp> {
  const clock = dependencies.clock ?? systemClock;
  const app = Fastify({
    trustProxy: toFastifyTrustProxy(config.trustProxy),
    logger: dependencies.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: {
        req: (request) => ({
          method: request.method,
          url: redactUrl(request.url),
          remoteAddress: request.ip,
        }),
      },
    },
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
  }).withTypeProvider<ZodTypeProvider>();
  const routeAccess = new RouteAccess();
  routeAccess.install(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('agent', null);
  app.decorateRequest('visitor', null);
  app.decorateRequest('apiTokenUse', null);

  const cipher = createFieldCipher(config.privacy);
  const database = await openDatabase(config.databaseUrl, {
    logger: app.log,
    plugins: [new PersonalDataPlugin(cipher)],
  });
  const photoStorage = new PhotoStorage(config.dataDir);
  const reportListenerError = (error: unknown, event: DomainEvent): void =>
    app.log.error({ err: error, event: event.name }, 'event listener failed');
  const bus = config.redisUrl
    ? await RedisEventBus.connect({
        url: config.redisUrl,
        channel: config.redisChannel,
        logger: app.log,
        reportHandlerError: reportListenerError,
      })
    : new LocalEventBus(reportListenerError);
  const jobs = await createJobQueue({
    config,
    database,
    clock,
    logger: app.log,
    options: { stopGraceMs: config.shutdownGraceMs, leaseMs: config.jobLeaseMs, ...dependencies.jobOptions },
  });
  const eventJobs = new EventJobs(jobs);
  const outbox = new OutboxPublisher(database.db, bus, clock, app.log, eventJobs);
  const unitOfWork = new UnitOfWork(database, outbox, clock);
  const passwordWork = new BoundedConcurrency(
    config.abuseLimits.loginConcurrency,
    config.abuseLimits.loginQueue,
    () => new KefuError('login_busy', undefined, { retryAfterSeconds: 1 }),
  );
  const customRoles = new CustomRoles(database.db, unitOfWork);
  const agents = new AgentService(database.db, clock, unitOfWork, passwordWork, customRoles);
  const visitorTokens = new VisitorTokens(config.secretKey, clock);
  await registerRequestLimits(app, {
    redisUrl: config.redisUrl,
    nameSpace: `${config.redisChannel}:limits:`,
    logger: app.log,
  });
  const apiTokens = new ApiTokens(database.db, clock);
  const twoFactor = new TwoFactor(database.db, clock);
  registerApiTokenRequests(app, {
    requestsPerMinute: config.abuseLimits.apiTokenRequestsPerMinute,
    apiTokens,
  });
  const botRules = new BotRulesService(database.db, clock);
  const scriptVariants = new ExperimentScriptVariants(database.db, clock);
  const welcomeGreetings = new WelcomeGreetings(database.db, clock);
  const conversations = new ConversationService(database.db, unitOfWork);
  const dialogueStates = new DialogueStateStore(database.db);
  const catalog = new CatalogService(database.db);
  const commerce = {
    connector: createCommerceConnector(config.commerce, database.db, clock),
    notifier: new ScenarioNotifier(database.db, unitOfWork, clock, config.commerce.scenarioMessages, app.log),
  };
  const suggestions = createShopSuggestions({ db: database.db, clock, commerce: commerce.connector });
  const knowledge = createKnowledgeModule({
    config,
    db: database.db,
    unitOfWork,
    clock,
    catalog,
    conversations,
    logger: app.log,
    scripts: scriptVariants,
  });
  const intentTraining = new IntentTraining({
    db: database.db,
    unitOfWork,
    clock,
    jobs,
    ...(dependencies.intentCorpus && { corpus: dependencies.intentCorpus }),
  });
  const understander = createNluUnderstander(intentTraining.activeModel);
  const humanService = createHumanServiceModules({
    db: database.db,
    unitOfWork,
    clock,
    conversations,
    catalog,
    logger: app.log,
  });
  const qa = createQaModule({
    db: database.db,
    clock,
    directory: {
      listAgents: () => agents.listAgents(),
      listTeams: () => humanService.agentRouting.listTeams(),
    },
  });
  const analytics = createAnalyticsModule({
    db: database.db,
    clock,
    unitOfWork,
    jobs,
    logger: app.log,
    qaScores: qa.scores,
    directory: {
      listAgents: () => agents.listAgents(),
      listTeams: () => humanService.agentRouting.listTeams(),
      listProducts: async (locale) => await catalog.listProducts(locale),
    },
  });
  const marketing = createMarketingModule({
    db: database.db,
    clock,
    unitOfWork,
    jobs,
    connector: commerce.connector,
    csatRatingOf: (conversationId) => humanService.csat.latestRatingOf(conversationId),
    replyWindowOpen: async (conversationId) =>
      services.channels.assertReplyWindowOpen(conversationId).then(
        () => true,
        () => false,
      ),
    publicUrl: config.publicUrl,
  });
  const integrations = createIntegrationsModule({
    db: database.db,
    clock,
    jobs,
    cipher,
    policy: config.webhookDelivery,
    logger: app.log,
  });
  const services: KefuServices = {
    config,
    clock,
    database,
    bus,
    jobs,
    eventJobs,
    outbox,
    unitOfWork,
    metrics: createMetrics(),
    agents,
    presence: new AgentPresenceTracker(database.db, agents, clock, {
      graceMs: config.presenceGraceMs,
      logger: app.log,
    }),
    auth: new AuthService(database.db, agents, clock, customRoles, apiTokens, twoFactor),
    apiTokens,
    twoFactor,
    customRoles,
    visitorTokens,
    passwordWork,
    visitorLimits: createVisitorRequestLimits(app, config.abuseLimits, visitorTokens),
    botRules,
    understander,
    bot: new BotPipeline(
      [
        new PhotoStage({ readDialogueState: (conversationId) => dialogueStates.read(conversationId) }),
        new SmallTalkStage(suggestions, () => clock.now(), ['identity', 'secrets']),
        new RuleStage(botRules, scriptVariants),
        new SmallTalkStage(suggestions, () => clock.now()),
        new PolicyQuestionStage(knowledge.stage),
        new RecommendationStage(commerce.connector),
        createFlowStage(
          database.db,
          {
            connector: commerce.connector,
            setNotificationOptOut: (customerId, optedOut) =>
              commerce.notifier.setOptOut(customerId, optedOut),
            optOutOfOffers: (customerId, text) => marketing.consents.optOutWhenAsked(customerId, text),
          },
          clock,
          understander,
        ),
        new IntentStage(),
        knowledge.stage,
        new FallbackStage(),
      ],
      localizeReply,
    ),
    conversations,
    agentActions: new AgentConversationActions(unitOfWork, (conversationId, channel) =>
      services.channels.assertReplyWindowOpen(conversationId, channel),
    ),
    catalog,
    cannedReplies: new CannedReplies(database.db, clock),
    orderDesk: new OrderDesk({
      db: database.db,
      clock,
      unitOfWork,
      connector: commerce.connector,
      getConversationForAgent: (agent, conversationId) =>
        conversations.getConversationForAgent(agent, conversationId),
      mentionedOrderNumbers: async (agent, conversationId) =>
        (await services.handoff.getSummary(agent, conversationId)).entities
          .filter((entity) => entity.type === 'order_number')
          .map((entity) => entity.value),
      sendAgentMessage: (agent, conversationId, input) =>
        services.agentActions.sendAgentMessage(agent, conversationId, input),
    }),
    knowledge,
    commerce,
    gateway: new RealtimeGateway({
      findCurrentConversation: (customerId, channel) =>
        conversations.findCurrentConversation(customerId, channel),
      findConversationForAgent: (agent, conversationId) =>
        conversations.getConversationForAgent(agent, conversationId).catch(() => null),
    }),
    ...humanService,
    suggestions,
    widgetOrigins: new WidgetOrigins(database.db, clock, config.widgetOrigins),
    uploads: new UploadService(database.db, photoStorage, clock, conversations, config.attachmentLimits),
    photoStorage,
    auditLog: new AuditLog(database.db),
    analytics,
    qa,
    intentExamples: new IntentExamples(database.db, clock),
    intentTraining,
    calls: new CallRecords(database.db, clock, config.calls),
    channels: createChannelModule({
      db: database.db,
      greetings: welcomeGreetings,
      unitOfWork,
      clock,
      bus,
      logger: app.log,
      visitorTokens,
      visitorPush: createVisitorPush(bus, clock),
      config: config.channels,
      jobs,
      secretKey: config.secretKey,
      publicUrl: config.publicUrl,
      replyWaitMs: config.replyWaitMs,
      presenceGraceMs: config.presenceGraceMs,
      passiveReplyWaitMs: config.wechatPassiveWaitMs,
      conversations,
      understander,
      csat: humanService.csat,
      shopperFiles: {
        keep: (customerId, files) => services.uploads.keepFiles(customerId, files),
        limits: config.attachmentLimits,
      },
      shopperPhotos: {
        store: async (customerId, bytes) => (await services.uploads.storePhoto(customerId, bytes)).id,
        maxBytes: config.uploadMaxBytes,
        read: (customerId, uploadId) => services.uploads.readForVisitor(customerId, uploadId),
        readForDelivery: (uploadId) => services.uploads.readForDelivery(uploadId),
      },
      ...(dependencies.channelAdapters && { connectedAdapters: dependencies.channelAdapters }),
    }),
    webhooks: integrations.webhooks,
    marketing,
    scriptVariants,
    welcomeGreetings,
    experiments: new ExperimentService(
      database.db,
      clock,
      createExperimentScriptCatalog({ botRules, knowledge, welcomeGreetings }),
    ),
  };

  const firstAdmin = await agents.ensureFirstAdmin(config.adminEmail, config.adminPassword);
  await botRules.seedDefaultRulesIfEmpty();
  if (config.seedDemo) await seedDemoShopIfEmpty(database.db, clock.now());
  await intentTraining.start(bus);
  await startKnowledgeModule(knowledge, database.db, bus, { seed: config.seedDemo });
  commerce.notifier.listenTo(eventJobs);
  await commerce.notifier.deliverDue();
  if (dependencies.routingTimers !== false) commerce.notifier.startSweeping();
  startChannelModule(services.channels, eventJobs, {
    db: database.db,
    clock,
    logger: app.log,
    bot: services.bot,
    handoff: services.handoff,
    tickets: services.tickets,
  });
  await services.channels.emailListeners.sync();
  await services.channels.imapPolling.sync();
  await startPrivacyJobs({
    db: database.db,
    jobs,
    cipher,
    clock,
    transcriptRetentionDays: config.privacy.transcriptRetentionDays,
    logger: app.log,
  });
  await startHumanServiceModules(humanService, eventJobs, {
    maintenanceIntervalMs: dependencies.routingTimers === false ? 0 : 30_000,
    slaIntervalMs: dependencies.routingTimers === false ? 0 : 15_000,
  });
  startQaModule(qa, eventJobs);
  startIntegrationsModule(integrations, eventJobs, jobs);
  startMarketingModule(marketing, eventJobs);
  listenForExperimentOutcomes(eventJobs, database.db, clock);
  startAnalyticsModule(analytics, eventJobs, {
    refreshIntervalMs: dependencies.routingTimers === false ? 0 : 60_000,
    spikeIntervalMs: dependencies.routingTimers === false ? 0 : 10 * 60_000,
    alertWebhook: config.alertWebhook,
    alertEmail: config.alertEmail,
    publicUrl: config.publicUrl,
  });

  services.gateway.subscribeTo(bus);
  await services.presence.renewAndSweep();
  services.presence.start();
  await services.channels.appConnections.renewAndSweep();
  services.channels.appConnections.start();
  bus.subscribe('message.created', ({ payload }) =>
    services.metrics.messagesTotal.inc({ sender: payload.message.sender }),
  );
  registerConnectionGauge(services.metrics, () => services.gateway.connectionCounts());

  installErrorHandler(app);
  installHttpMetrics(app, services.metrics);
  await installSecurityHeaders(app);
  await installWidgetCors(app, (origin) => services.widgetOrigins.allows(origin));
  await registerOpenApi(app);
  await registerWebSocketsWithGracefulShutdown(app, {
    stopTimers: () => {
      services.presence.stop();
      services.channels.appConnections.stop();
      stopHumanServiceModules(humanService);
      commerce.notifier.stopSweeping();
      stopAnalyticsModule(analytics);
      outbox.stopSweeping();
    },
    stopJobs: async () => {
      await intentTraining.stop();
      await jobs.stop();
    },
    closeSockets: (code, reason) => services.gateway.closeAll(code, reason),
  });
  await app.register(healthRoutes, { services });
  await app.register(visitorRoutes, { services });
  await app.register(pushRegistrationRoutes, { services });
  await app.register(uploadRoutes, { services });
  await app.register(welcomeRoutes, { services });
  await app.register(widgetOriginRoutes, { services });
  await app.register(authRoutes, { services });
  await app.register(roleRoutes, { services });
  await app.register(apiTokenRoutes, { services });
  await app.register(twoFactorRoutes, { services });
  await app.register(agentConversationRoutes, { services });
  await app.register(replyChannelRoutes, { services });
  await app.register(agentRoutes, { services });
  await app.register(botRuleRoutes, { services });
  await app.register(customerRoutes, { services });
  await app.register(customerMergeRoutes, { services });
  await app.register(privacyRoutes, { services });
  await app.register(auditRoutes, { services });
  await app.register(shopRoutes, { services });
  await app.register(commerceAdminRoutes, { services });
  await app.register(setupRoutes, { services });
  await app.register(intentExampleRoutes, { services });
  await app.register(intentTrainingRoutes, { services });
  await app.register(commerceWebhookRoutes, { services });
  await app.register(handoffRoutes, { services });
  await app.register(orderDeskRoutes, { services });
  await app.register(cannedReplyRoutes, { services });
  await app.register(agentRoutingRoutes, { services });
  await app.register(queueRoutes, { services });
  await app.register(ticketRoutes, { services });
  await app.register(slaRoutes, { services });
  await app.register(csatRoutes, { services });
  await app.register(knowledgeRoutes, { services });
  await app.register(reportRoutes, { services });
  await app.register(alertRoutes, { services });
  await app.register(qaRoutes, { services });
  await app.register(channelInboundRoutes, { channels: services.channels });
  await app.register(deliveryRoutes, { services });
  await app.register(channelAccountRoutes, { services });
  await app.register(callWebhookRoutes, { calls: services.calls });
  await app.register(callRoutes, { services });
  await app.register(webhookRoutes, { services });
  await app.register(marketingRoutes, { services });
  await app.register(marketingRedemptionRoutes, { services });
  await app.register(experimentRoutes, { services });
  await registerWebAssets(app);
  await registerConsoleAssets(app);

  await outbox.sweep(0);
  outbox.startSweeping();
  await jobs.start();
  // After the HTTP server has closed and in-flight requests have ended.
  app.addHook('onClose', async () => {
    await services.channels.emailListeners.close();
    await outbox.settle();
    await bus.close();
    await database.close();
  });

  return { app, services, routeAccess, generatedAdminPassword: firstAdmin?.generatedPassword ?? null };
}

async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Kefu API',
        description: 'E-commerce customer service: visitor, agent and admin APIs',
        version: '0.1.0',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  const documentation = allowAnyone('API documentation; it describes, and holds no data');
  await app.register(async (scope) => {
    scope.addHook('onRequest', documentation);
    await scope.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  });
  app.get('/api/openapi.json', { schema: { hide: true }, onRequest: documentation }, async () =>
    app.swagger(),
  );
}

/** The widget script and the demo shop page, built by `npm run build:web`. */
async function registerWebAssets(app: FastifyInstance): Promise<void> {
  const demoDir = `${widgetDistDir}demo/`;
  if (!existsSync(widgetDistDir) || !existsSync(demoDir)) {
    app.log.warn('web assets are not built: run `npm run build:web` to serve the widget and demo page');
    return;
  }
  await app.register(async (scope) => {
    scope.addHook('onRequest', allowAnyone('the demo shop and the widget script'));
    await scope.register(fastifyStatic, {
      root: [demoDir, widgetDistDir],
      prefix: '/',
      index: ['index.html'],
      wildcard: false,
    });
  });
}

function toFastifyTrustProxy(
  trustProxy: KefuConfig['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trustProxy === 'boolean' || Array.isArray(trustProxy)) return trustProxy;
  return (_address, hop) => hop < trustProxy.hops;
}
