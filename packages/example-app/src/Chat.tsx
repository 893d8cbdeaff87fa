import { useState } from 'react';
import type { FormEvent } from 'react';
import type { MessageSender } from '@kefu/sdk';
import type { Texts } from './texts';
import { useKefuChat } from './useKefuChat';

interface ChatProps {
  identity: { shopCustomerId: string; signature: string };
  locale: string;
  texts: Texts;
  onSignOut(): void;
}

/** The conversation, the messages waiting to be sent, a message box and the offline switch. */
export function Chat({ identity, locale, texts, onSignOut }: ChatProps) {
  const { client, messages, queued, connection, conversationId, refusals } = useKefuChat(identity, locale);
  const [offline, setOffline] = useState(!client.isOnline);
  const [draft, setDraft] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '') return;
    void client.send(draft.trim());
    setDraft('');
  };
  const toggleOffline = (next: boolean) => {
    setOffline(next);
    void client.setOnline(!next);
  };
  const senderName: Record<MessageSender, string> = {
    customer: texts.you,
    agent: texts.agent,
    bot: texts.bot,
    system: texts.system,
  };
  const connectionText =
    connection === 'open'
      ? texts.online
      : connection === 'connecting' || connection === 'reconnecting'
        ? texts.connecting
        : texts.disconnected;

  return (
    <section className="chat" data-conversation-id={conversationId ?? ''}>
      <header>
        <span className={`status status--${connection}`} data-testid="connection">
          {connectionText}
        </span>
        <label>
          <input
            type="checkbox"
            checked={offline}
            onChange={(event) => toggleOffline(event.target.checked)}
          />
          {texts.offline}
        </label>
        <button onClick={onSignOut}>{texts.signOut}</button>
      </header>
      <ol className="messages" aria-live="polite">
        {messages.map((message) => (
          <li key={message.id} className={`message message--${message.sender}`}>
            <strong>{senderName[message.sender]}</strong> {message.text}
          </li>
        ))}
        {queued.map((entry) => (
          <li key={entry.clientMessageId} className="message message--queued" data-testid="queued">
            <strong>{texts.you}</strong> {entry.text} <em>{texts.waiting}</em>
          </li>
        ))}
      </ol>
      {refusals.map((refusal) => (
        <p key={refusal} role="alert">
          {texts.refused}
          {refusal}
        </p>
      ))}
      <form onSubmit={submit}>
        <input
          aria-label={texts.placeholder}
          placeholder={texts.placeholder}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit">{texts.send}</button>
      </form>
    </section>
  );
}
