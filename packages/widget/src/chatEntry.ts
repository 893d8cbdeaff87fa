import type { Message } from '@kefu/sdk';

export type ChatEntryState = 'sent' | 'pending' | 'failed';

/** One line of the conversation as the widget shows it: a stored message or an optimistic local send. */
export interface ChatEntry {
  /** Stable key for the DOM: the clientMessageId of local sends, otherwise the message id. */
  key: string;
  message: Message;
  state: ChatEntryState;
  errorText: string | null;
  /** Photos of a local send, once uploaded: sent with the message (and again on a retry). */
  uploadIds?: string[];
}
