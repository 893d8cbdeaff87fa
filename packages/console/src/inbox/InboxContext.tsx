import type {
  AgentConnectionState,
  Conversation,
  CustomerProfile,
  KefuAgentClient,
  Message,
} from '@kefu/sdk';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useSession, useSignedInAgent } from '../auth/SessionContext';
import { useI18n } from '../i18n/I18nContext';
import { applyMessage, LimitedLoader, summarizeMessages } from './conversationSummaries';
import type { ConversationSummary } from './conversationSummaries';
import { belongsToTab, compareByActivity, defaultFilters, toConversationQuery } from './inboxView';
import type { InboxFilters, InboxTab } from './inboxView';
import { playNotificationSound, updateDocumentTitle } from './notifications';
import { visibleUnread } from './visibleUnread';
import { useFailureText } from '../common/failureText';

interface InboxValue {
  tab: InboxTab;
  setTab(tab: InboxTab): void;
  filters: InboxFilters;
  setFilters(filters: InboxFilters): void;
  conversations: Conversation[];
  loading: boolean;
  error: string | null;
  connection: AgentConnectionState;
  summaries: ReadonlyMap<string, ConversationSummary>;
  customers: ReadonlyMap<string, CustomerProfile>;
  unread: ReadonlyMap<string, number>;
  /** Unread conversations per tab, for the tab badges. */
  unreadByTab: Record<InboxTab, number>;
  openConversationId: string | null;
  setOpenConversationId(conversationId: string | null): void;
  /** Replaces a conversation after an action (take over, resolve …) before the event arrives. */
  upsertConversation(conversation: Conversation): void;
  reload(): void;
}

const InboxContext = createContext<InboxValue | null>(null);

/** The live inbox: lists from the REST API, kept current by the agent WebSocket. */
export function InboxProvider({ children }: { children: ReactNode }) {
  const { client } = useSession();
  const describeFailure = useFailureText();
  const agent = useSignedInAgent();
  const { t } = useI18n();
  const [tab, setTab] = useState<InboxTab>(
    agent.permissions.includes('conversations:read_all') ? 'queue' : 'mine',
  );
  const [filters, setFilters] = useState<InboxFilters>(defaultFilters);
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [known, setKnown] = useState<ReadonlyMap<string, Conversation>>(new Map());
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [connection, setConnection] = useState<AgentConnectionState>('connecting');
  const [summaries, setSummaries] = useState<ReadonlyMap<string, ConversationSummary>>(new Map());
  const [customers, setCustomers] = useState<ReadonlyMap<string, CustomerProfile>>(new Map());
  const [unread, setUnread] = useState<ReadonlyMap<string, number>>(new Map());
  const [openConversationId, setOpenConversationId] = useState<string | null>(null);
  const [reloadCount, setReloadCount] = useState(0);
  const view = useRef({ tab, filters, openConversationId });
  view.current = { tab, filters, openConversationId };
  const [loader] = useState(() => new LimitedLoader(4));

  const remember = useCallback((items: readonly Conversation[]) => {
    setKnown((previous) => {
      const next = new Map(previous);
      for (const item of items) next.set(item.id, item);
      return next;
    });
  }, []);

  const upsertConversation = useCallback(
    (conversation: Conversation) => {
      remember([conversation]);
      setConversations((previous) => {
        const { tab: currentTab, filters: currentFilters } = view.current;
        const exists = previous.some((item) => item.id === conversation.id);
        const belongs = belongsToTab(conversation, currentTab, currentFilters, agent.id);
        const rest = previous.filter((item) => item.id !== conversation.id);
        if (!belongs || (!exists && currentFilters.search.trim())) return rest;
        return [...rest, conversation].sort(compareByActivity);
      });
    },
    [agent.id, remember],
  );

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    client
      .listConversations(toConversationQuery(tab, filters))
      .then((items) => {
        if (cancelled) return;
        setConversations(items);
        remember(items);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(describeFailure(failure));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [client, tab, filters, reloadCount, remember, describeFailure]);

  useEffect(() => {
    for (const conversation of conversations) {
      loader.load(`messages:${conversation.id}:${conversation.lastMessageAt ?? ''}`, async () => {
        const summary = summarizeMessages(await client.listMessages(conversation.id));
        setSummaries((previous) => new Map(previous).set(conversation.id, summary));
      });
      loader.load(`customer:${conversation.customerId}`, async () => {
        const customer = await client.getCustomer(conversation.customerId);
        setCustomers((previous) => new Map(previous).set(customer.id, customer));
      });
    }
  }, [client, conversations, loader]);

  useEffect(
    () =>
      subscribeToEvents(client, agent.id, {
        upsertConversation,
        onMessage: (message, conversation) => {
          loader.load(
            `messages:${conversation.id}:${conversation.lastMessageAt ?? ''}`,
            async () => undefined,
          );
          setSummaries((previous) =>
            new Map(previous).set(conversation.id, applyMessage(previous.get(conversation.id), message)),
          );
          if (message.sender !== 'customer') return;
          const isOpen = view.current.openConversationId === conversation.id;
          if (!isOpen)
            setUnread((previous) =>
              new Map(previous).set(conversation.id, (previous.get(conversation.id) ?? 0) + 1),
            );
          if (!isOpen || document.hidden) playNotificationSound();
        },
        onConnection: setConnection,
        onReconnected: () => setReloadCount((count) => count + 1),
      }),
    [client, agent.id, upsertConversation, loader],
  );

  useEffect(() => {
    if (!openConversationId) return;
    setUnread((previous) => {
      if (!previous.has(openConversationId)) return previous;
      const next = new Map(previous);
      next.delete(openConversationId);
      return next;
    });
  }, [openConversationId]);

  const seenUnread = useMemo(() => visibleUnread(unread, known, agent), [unread, known, agent]);
  const unreadByTab = useMemo(
    () => countUnreadByTab(seenUnread, known, filters, agent.id),
    [seenUnread, known, filters, agent.id],
  );
  const unreadTotal = seenUnread.size;
  useEffect(() => {
    updateDocumentTitle(unreadTotal, t('appName'), t('newMessageTitle', { n: unreadTotal }));
  }, [unreadTotal, t]);

  const reload = useCallback(() => setReloadCount((count) => count + 1), []);
  const value: InboxValue = {
    tab,
    setTab,
    filters,
    setFilters,
    conversations,
    loading,
    error,
    connection,
    summaries,
    customers,
    unread: seenUnread,
    unreadByTab,
    openConversationId,
    setOpenConversationId,
    upsertConversation,
    reload,
  };
  return <InboxContext.Provider value={value}>{children}</InboxContext.Provider>;
}

export function useInbox(): InboxValue {
  const value = useContext(InboxContext);
  if (!value) throw new Error('useInbox outside InboxProvider');
  return value;
}

interface InboxEventHandlers {
  upsertConversation(conversation: Conversation): void;
  onMessage(message: Message, conversation: Conversation): void;
  onConnection(state: AgentConnectionState): void;
  onReconnected(): void;
}

function subscribeToEvents(
  client: KefuAgentClient,
  agentId: string,
  handlers: InboxEventHandlers,
): () => void {
  const unsubscribers = [
    client.on('event', (event) => {
      if (event.type === 'message.created') {
        handlers.upsertConversation(event.conversation);
        handlers.onMessage(event.message, event.conversation);
      } else if (event.type === 'conversation.updated') {
        handlers.upsertConversation(event.conversation);
        const assignedToMe =
          event.event === 'conversation.assigned' && event.conversation.assigneeId === agentId;
        if (assignedToMe) playNotificationSound();
      }
    }),
    client.on('connection', handlers.onConnection),
    client.on('reconnected', handlers.onReconnected),
  ];
  client.connect();
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    client.disconnect();
  };
}

function countUnreadByTab(
  unread: ReadonlyMap<string, number>,
  known: ReadonlyMap<string, Conversation>,
  filters: InboxFilters,
  agentId: string,
): Record<InboxTab, number> {
  const counts: Record<InboxTab, number> = { mine: 0, queue: 0, all: 0 };
  const unfiltered = { ...filters, search: '', channel: null };
  for (const [conversationId, count] of unread) {
    const conversation = known.get(conversationId);
    if (!conversation || count === 0) continue;
    for (const tab of ['mine', 'queue', 'all'] as const)
      if (belongsToTab(conversation, tab, unfiltered, agentId)) counts[tab] += 1;
  }
  return counts;
}
