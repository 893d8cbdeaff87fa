// The chat state of one signed-in shopper, all through `@kefu/sdk`: history, live messages, the offline queue.
import { useEffect, useMemo, useState } from 'react';
import type { Message, QueuedMessage, VisitorConnectionState } from '@kefu/sdk';
import { KefuAppClient, LocalStorageQueueStorage } from '@kefu/sdk';

export interface KefuChat {
  client: KefuAppClient;
  messages: Message[];
  queued: QueuedMessage[];
  connection: VisitorConnectionState;
  conversationId: string | null;
  refusals: string[];
}

export function useKefuChat(
  identity: { shopCustomerId: string; signature: string },
  locale: string,
): KefuChat {
  const client = useMemo(
    () =>
      new KefuAppClient({
        baseUrl: window.location.origin,
        identity,
        locale,
        token: localStorage.getItem(tokenKey(identity.shopCustomerId)) ?? undefined,
        storage: new LocalStorageQueueStorage(localStorage, `kefu.example.queue.${identity.shopCustomerId}`),
      }),
    [identity, locale],
  );
  const [messages, setMessages] = useState<Message[]>([]);
  const [queued, setQueued] = useState<QueuedMessage[]>([]);
  const [connection, setConnection] = useState<VisitorConnectionState>('idle');
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<string[]>([]);

  useEffect(() => {
    const reload = () => void client.visitor.listMessages().then(setMessages, () => undefined);
    const stops = [
      client.visitor.on('session', (session) => {
        localStorage.setItem(tokenKey(identity.shopCustomerId), session.token);
        setConversationId(session.conversationId);
      }),
      client.visitor.on('connection', setConnection),
      client.visitor.on('reconnected', reload),
      client.visitor.on('event', (event) => {
        if (event.type === 'message.created') setMessages((list) => mergeMessage(list, event.message));
      }),
      client.on('queue', setQueued),
      client.on('sent', ({ response }) =>
        setMessages((list) => [response.message, ...response.replies].reduce(mergeMessage, list)),
      ),
      client.on('failed', ({ queued: refused, error }) =>
        setRefusals((list) => [...list, `${refused.text}: ${error.message}`]),
      ),
    ];
    void client.visitor.startSession().then(reload, () => undefined);
    void client.queued().then(setQueued);
    client.connect();
    return () => {
      for (const stop of stops) stop();
      client.disconnect();
    };
  }, [client, identity]);

  return { client, messages, queued, connection, conversationId, refusals };
}

function tokenKey(shopCustomerId: string): string {
  return `kefu.example.token.${shopCustomerId}`;
}

/** Adds a message once (the socket and the send's answer may both bring it), in time order. */
function mergeMessage(list: Message[], message: Message): Message[] {
  if (list.some((entry) => entry.id === message.id)) return list;
  return [...list, message].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
