// One open conversation: its row and transcript, kept live by the agent WebSocket.
import type { Conversation, KefuAgentClient, Message } from '@kefu/sdk';
import { useEffect, useState } from 'react';

export interface ConversationState {
  conversation: Conversation | null;
  messages: Message[];
  loading: boolean;
  error: string | null;
  customerTyping: boolean;
}

const typingTimeoutMs = 6_000;

export function useConversation(
  client: KefuAgentClient,
  conversationId: string,
): [ConversationState, (update: (state: ConversationState) => ConversationState) => void] {
  const [state, setState] = useState<ConversationState>(emptyState);

  useEffect(() => {
    let cancelled = false;
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    setState(emptyState);
    const load = () =>
      Promise.all([client.getConversation(conversationId), client.listMessages(conversationId)])
        .then(([conversation, messages]) => {
          if (!cancelled)
            setState((previous) => ({ ...previous, conversation, messages, loading: false, error: null }));
        })
        .catch((failure: unknown) => {
          if (!cancelled) setState((previous) => ({ ...previous, loading: false, error: String(failure) }));
        });
    void load();
    const unsubscribeEvents = client.on('event', (event) => {
      if (event.type === 'message.created' && event.message.conversationId === conversationId) {
        setState((previous) => ({
          ...previous,
          conversation: event.conversation,
          messages: appendMessage(previous.messages, event.message),
          customerTyping: event.message.sender === 'customer' ? false : previous.customerTyping,
        }));
      } else if (event.type === 'conversation.updated' && event.conversation.id === conversationId) {
        setState((previous) => ({ ...previous, conversation: event.conversation }));
      } else if (
        event.type === 'typing' &&
        event.conversationId === conversationId &&
        event.sender === 'customer'
      ) {
        clearTimeout(typingTimer);
        if (event.isTyping)
          typingTimer = setTimeout(
            () => setState((previous) => ({ ...previous, customerTyping: false })),
            typingTimeoutMs,
          );
        setState((previous) => ({ ...previous, customerTyping: event.isTyping }));
      }
    });
    const unsubscribeReconnect = client.on('reconnected', () => void load());
    return () => {
      cancelled = true;
      clearTimeout(typingTimer);
      unsubscribeEvents();
      unsubscribeReconnect();
    };
  }, [client, conversationId]);

  return [state, setState];
}

/** Adds a message once, whether it came back from the POST or over the WebSocket first. */
export function appendMessage(messages: readonly Message[], message: Message): Message[] {
  if (messages.some((existing) => existing.id === message.id)) return [...messages];
  return [...messages, message].sort((first, second) =>
    first.createdAt < second.createdAt ? -1 : first.createdAt > second.createdAt ? 1 : 0,
  );
}

const emptyState: ConversationState = {
  conversation: null,
  messages: [],
  loading: true,
  error: null,
  customerTyping: false,
};
