// The handoff briefing of a conversation, read again whenever the server rebuilt it (a shopper wrote after the
// handoff) or the conversation changed; and whether the agent keeps it open, remembered on this device.
import type { Conversation, HandoffSummary, KefuAgentClient, KefuServiceApi } from '@kefu/sdk';
import { KefuApiError } from '@kefu/sdk';
import { useCallback, useEffect, useState } from 'react';

const expandedKey = 'kefu.console.handoffSummaryExpanded';

export function useLiveHandoffSummary(
  client: KefuAgentClient,
  api: KefuServiceApi,
  conversation: Conversation,
): HandoffSummary | null {
  const [summary, setSummary] = useState<HandoffSummary | null>(null);
  const [revision, setRevision] = useState(0);
  const { id, status, priority, category } = conversation;

  useEffect(
    () =>
      client.on('event', (event) => {
        if (
          event.type === 'conversation.updated' &&
          event.event === 'handoff.summary_refreshed' &&
          event.conversation.id === id
        )
          setRevision((count) => count + 1);
      }),
    [client, id],
  );

  useEffect(() => {
    let cancelled = false;
    api.getHandoffSummary(id).then(
      (loaded) => !cancelled && setSummary(loaded),
      (failure: unknown) => {
        // No summary until the conversation is handed off: the panel stays hidden.
        if (!cancelled && failure instanceof KefuApiError && failure.status === 404) setSummary(null);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, id, status, priority, category, revision]);

  return summary;
}

/** Open or folded, as the agent last left it (folded keeps the latest messages in view on small screens). */
export function useRememberedExpansion(): [boolean, (expanded: boolean) => void] {
  const [expanded, setExpanded] = useState(() => localStorage.getItem(expandedKey) !== 'folded');
  const remember = useCallback((next: boolean) => {
    localStorage.setItem(expandedKey, next ? 'open' : 'folded');
    setExpanded(next);
  }, []);
  return [expanded, remember];
}
