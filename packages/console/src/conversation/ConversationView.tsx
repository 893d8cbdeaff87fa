import { ArrowLeftOutlined, IdcardOutlined } from '@ant-design/icons';
import type { ChannelKind, Conversation, CustomerProfile } from '@kefu/sdk';
import { KefuApiError } from '@kefu/sdk';
import { App as AntApp, Button, Result, Spin, Tag } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useSession, useSignedInAgent } from '../auth/SessionContext';
import { ChannelIcon } from '../common/ChannelIcon';
import {
  channelLabelKeys,
  priorityColors,
  priorityLabelKeys,
  statusColors,
  statusLabelKeys,
} from '../common/labels';
import { useDisplayNames } from '../common/useDisplayNames';
import { useI18n } from '../i18n/I18nContext';
import { customerDisplayName } from '../inbox/customerName';
import { useInbox } from '../inbox/InboxContext';
import { ConversationActions } from './ConversationActions';
import type { ConversationAction } from './ConversationActions';
import { Composer } from './Composer';
import type { ComposerMode } from './Composer';
import { HandoffPanel } from '../service/conversation/HandoffPanel';
import { TransferButton } from '../service/conversation/TransferButton';
import { MessageBubble } from './MessageBubble';
import { useReplyChannels } from './ReplyChannelPicker';
import { useReplyChannelText } from './replyChannelText';
import { SuggestedAnswers, useComposerInsertion } from './SuggestedAnswers';
import { appendMessage, useConversation } from './useConversation';
import { useFollowLatestOnResize } from './useFollowLatestOnResize';
import { useMarkOpened } from './useMarkOpened';
import { useFailureText } from '../common/failureText';

interface ConversationViewProps {
  conversationId: string;
  customer: CustomerProfile | undefined;
  onBack(): void;
  onShowCustomer(): void;
}

export function ConversationView({
  conversationId,
  customer,
  onBack,
  onShowCustomer,
}: ConversationViewProps) {
  const { t } = useI18n();
  const names = useDisplayNames();
  const { client } = useSession();
  const agent = useSignedInAgent();
  const { upsertConversation } = useInbox();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [state, setState] = useConversation(client, conversationId);
  const [composerInsertion, insertIntoComposer] = useComposerInsertion();
  const transcriptReference = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const { conversation, messages } = state;
  const replyChannelText = useReplyChannelText();
  // Read again whenever the shopper writes: a channel they write on opens (again) for replies.
  const customerMessages = messages.filter((message) => message.sender === 'customer').length;
  const replyChannels = useReplyChannels(conversationId, customerMessages);
  useMarkOpened(client, conversation, agent.id);

  // Follow new messages only when the agent is already at the bottom, so reading history is never disturbed.
  useLayoutEffect(() => {
    const transcript = transcriptReference.current;
    if (transcript && stickToBottom.current) transcript.scrollTop = transcript.scrollHeight;
  }, [messages.length, state.loading]);
  useEffect(() => {
    stickToBottom.current = true;
  }, [conversationId]);
  useFollowLatestOnResize(transcriptReference, stickToBottom, conversation !== null);

  const runAction = useCallback(
    async (action: ConversationAction) => {
      try {
        const updated = await performAction(client, conversationId, action);
        setState((previous) => ({ ...previous, conversation: updated }));
        upsertConversation(updated);
        toast.success(t('actionDone'));
      } catch (failure) {
        toast.error(describeFailure(failure));
      }
    },
    [client, conversationId, setState, upsertConversation, toast, t, describeFailure],
  );

  const send = async (text: string, mode: ComposerMode, channel: ChannelKind | undefined) => {
    try {
      const sent = await client.sendMessage(conversationId, { text, isPrivate: mode === 'note', channel });
      stickToBottom.current = true;
      setState((previous) => ({ ...previous, messages: appendMessage(previous.messages, sent) }));
    } catch (failure) {
      if (failure instanceof KefuApiError && failure.code === 'reply_window_closed') {
        // The window closed while the agent wrote: the draft stays, the picker now shows why.
        replyChannels.reload();
        if (channel) toast.error(replyChannelText('sendRefused', { channel: t(channelLabelKeys[channel]) }));
        else toast.error(t('replyWindowClosed'));
      } else toast.error(describeFailure(failure));
      throw failure;
    }
  };

  if (state.error) return <Result status="warning" title={t('loadFailed', { message: state.error })} />;
  if (!conversation) return <Spin className="conversation-loading" />;
  const name = customerDisplayName(customer, conversation.customerId, t);
  const canReply = conversation.status === 'assigned' && conversation.assigneeId === agent.id;

  return (
    <section className="conversation" aria-label={name}>
      <header className="conversation-header">
        <Button
          className="back-button"
          type="text"
          icon={<ArrowLeftOutlined />}
          onClick={onBack}
          aria-label="back"
        />
        <div className="conversation-title">
          <ChannelIcon channel={conversation.channel} />
          <h2>{name}</h2>
          <Tag color={statusColors[conversation.status]}>{t(statusLabelKeys[conversation.status])}</Tag>
          <Tag color={priorityColors[conversation.priority]}>
            {t(priorityLabelKeys[conversation.priority])}
          </Tag>
          {conversation.category && <Tag>{names.category(conversation.category)}</Tag>}
        </div>
        <ConversationActions conversation={conversation} agentId={agent.id} onAction={runAction} />
        <TransferButton conversation={conversation} />
        <Button
          className="customer-button"
          icon={<IdcardOutlined />}
          onClick={onShowCustomer}
          aria-label={t('customerProfile')}
        />
      </header>
      <HandoffPanel conversation={conversation} />
      <div
        className="transcript"
        ref={transcriptReference}
        onScroll={(event) => {
          const element = event.currentTarget;
          stickToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
        }}
      >
        <ol className="message-list" aria-live="polite" aria-relevant="additions">
          {messages.map((message) => (
            <MessageBubble
              key={message.id}
              message={message}
              channel={conversation.channel}
              customerName={name}
            />
          ))}
        </ol>
      </div>
      <div className="typing-line" aria-live="polite">
        {state.customerTyping ? t('customerTyping') : '\u00a0'}
      </div>
      <SuggestedAnswers conversationId={conversationId} messages={messages} onInsert={insertIntoComposer} />
      <Composer
        conversationId={conversationId}
        insertion={composerInsertion}
        canReply={canReply}
        replyChannels={replyChannels.channels}
        onSend={send}
        onTyping={(isTyping) => client.sendTyping(conversationId, isTyping)}
      />
    </section>
  );
}

function performAction(
  client: ReturnType<typeof useSession>['client'],
  conversationId: string,
  action: ConversationAction,
): Promise<Conversation> {
  switch (action) {
    case 'takeover':
      return client.takeOver(conversationId);
    case 'handback':
      return client.handBack(conversationId);
    case 'resolve':
      return client.resolve(conversationId);
    case 'reopen':
      return client.reopen(conversationId);
  }
}
