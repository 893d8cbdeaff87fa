// The conversations module's public surface: other modules use it only through what is exported here.
export {
  appendMessage,
  appendSystemMessage,
  assignQueuedConversation,
  changeStatus,
  classifyConversation,
  requireConversation,
} from './conversationWrites';
export { DialogueStateStore } from './dialogueStateStore';
export { countRecentCustomerIntents, listRecentAnalysedCustomerMessages } from './intentStatistics';
export type { AnalysedCustomerMessage } from './intentStatistics';
export { toConversation, toMessage, toVisitorMessage } from './mappers';
export { findLatestConversationOfCustomer, postProactiveMessage } from './proactiveMessages';
export {
  countAssignedByAgent,
  countConversationsOnChannel,
  findConversationById,
  findLatestOpenConversation,
  findPreviousAssignee,
  listConversationsByStatus,
  listLatestMessages,
} from './repo';
export type { ConversationRow, MessageRow } from './repo';
export type { BotMessageContext, ConversationService } from './service';
