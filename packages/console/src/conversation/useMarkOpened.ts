// Tells the server when the agent actually has their conversation in front of them (the page is visible):
// only then is the shopper told that a person joined.
import type { Conversation, KefuAgentClient } from '@kefu/sdk';
import { useEffect } from 'react';

export function useMarkOpened(
  client: KefuAgentClient,
  conversation: Conversation | null,
  agentId: string,
): void {
  const heldByMe = conversation?.status === 'assigned' && conversation.assigneeId === agentId;
  const conversationId = conversation?.id ?? null;
  useEffect(() => {
    if (!heldByMe || !conversationId) return;
    const markWhenVisible = () => {
      if (document.visibilityState === 'visible')
        void client.markOpened(conversationId).catch(() => undefined);
    };
    markWhenVisible();
    document.addEventListener('visibilitychange', markWhenVisible);
    return () => document.removeEventListener('visibilitychange', markWhenVisible);
  }, [client, conversationId, heldByMe]);
}
