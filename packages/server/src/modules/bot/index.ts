// The bot module's public surface: other modules use it only through what is exported here.
export { buildOrderCard, buildProductCard, localizeOrderCard } from './cards';
export { describeCreatedReturn } from './flows/returnNotice';
export { orderStatusName } from './flows/flowKit';
export { decideConversationLocale } from './conversationLocale';
export { detectDeliveryProblem, detectReturnReason } from './flows/shopperSlots';
export type {
  BotDecision,
  BotHandoffReason,
  BotOrderAction,
  BotPipeline,
  BotReply,
  BotStage,
  BotTurn,
} from './pipeline';
export { botHandoffReasons } from './pipeline';
export type { SuggestionSource } from './suggestions';
export type { MessageUnderstander, Understanding } from './understanding';
export { greetingScriptKey, knowledgeScriptKey, originalScripts, ruleScriptKey } from './scriptVariants';
export type { ScriptChoice, ScriptVariants } from './scriptVariants';
