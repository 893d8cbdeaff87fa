// The conversations module's public surface: other modules use it only through what is exported here.
export { acceptCustomerMessage } from './acceptCustomerMessage';
export type { AcceptDependencies } from './acceptCustomerMessage';
export { answerCustomerMessage } from './answerCustomerMessage';
export { DialogueStateStore } from './dialogueStateStore';
export { countRecentCustomerIntents } from './intentStatistics';
export { toConversation, toVisitorMessage } from './mappers';
export { findLatestConversationOfCustomer, postProactiveMessage } from './proactiveMessages';
export type { BotMessageContext, ConversationService } from './service';
