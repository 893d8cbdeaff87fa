import { SendOutlined } from '@ant-design/icons';
import type { ChannelKind, ReplyChannel } from '@kefu/sdk';
import { Button, Input, Segmented } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { findCannedResponses, useCannedApi, useCannedResponses } from '../settings/cannedResponses';
import { CannedMenu } from './CannedMenu';
import { ReplyChannelPicker, defaultReplyChannel } from './ReplyChannelPicker';

export type ComposerMode = 'reply' | 'note';

interface ComposerProps {
  canReply: boolean;
  /** `channel`: the reply's channel the agent picked (undefined: the one the shopper last wrote on). */
  onSend(text: string, mode: ComposerMode, channel: ChannelKind | undefined): Promise<void>;
  onTyping(isTyping: boolean): void;
  /** Text put into the box from outside (a suggested answer); a new `key` inserts again. */
  insertion?: { text: string; key: number } | null;
  /** The open conversation: canned replies are filled in with its customer and order. */
  conversationId?: string;
  /** The channels a reply may go out on; with more than one the agent picks (the last used by default). */
  replyChannels?: readonly ReplyChannel[];
}

const typingIdleMs = 3_000;

/** The reply box: Enter sends, Shift+Enter breaks the line, `/shortcut` inserts a canned response. */
export function Composer({
  canReply,
  onSend,
  onTyping,
  insertion,
  conversationId,
  replyChannels = [],
}: ComposerProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [mode, setMode] = useState<ComposerMode>(canReply ? 'reply' : 'note');
  const [sending, setSending] = useState(false);
  const [highlighted, setHighlighted] = useState(0);
  const [cannedResponses] = useCannedResponses();
  const cannedApi = useCannedApi();
  const textAreaReference = useRef<TextAreaRef>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const isTyping = useRef(false);
  const [channel, setChannel] = useState<ChannelKind | undefined>(undefined);
  const picking = mode === 'reply' && replyChannels.length > 1;
  const pickable = replyChannels.some((option) => option.channel === channel && option.window.open);
  // The last used (or first open) channel until the agent picks another that is still open.
  useEffect(() => {
    if (!pickable) setChannel(defaultReplyChannel(replyChannels));
  }, [replyChannels, pickable]);
  useEffect(() => setChannel(undefined), [conversationId]);

  useEffect(() => setMode(canReply ? 'reply' : 'note'), [canReply]);
  useEffect(() => {
    if (!insertion) return;
    setText(insertion.text);
    textAreaReference.current?.focus();
  }, [insertion]);
  useEffect(() => () => clearTimeout(typingTimer.current), []);

  const cannedQuery = /^\/([^\n]*)$/.exec(text)?.[1];
  const cannedMatches = cannedQuery === undefined ? [] : findCannedResponses(cannedResponses, cannedQuery);
  const cannedOpen = cannedQuery !== undefined;

  const reportTyping = (value: string) => {
    if (mode !== 'reply') return;
    if (!isTyping.current && value) {
      isTyping.current = true;
      onTyping(true);
    }
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(stopTyping, typingIdleMs);
  };
  const stopTyping = () => {
    if (!isTyping.current) return;
    isTyping.current = false;
    onTyping(false);
  };

  const insertCanned = (index: number) => {
    const chosen = cannedMatches[index];
    if (!chosen) return;
    setText(chosen.text);
    // {{customer.name}}, {{order.number}} … filled in by the server for this conversation.
    if (conversationId)
      cannedApi.render(chosen.id, conversationId).then(
        (filled) => setText((current) => (current === chosen.text ? filled : current)),
        () => undefined,
      );
  };

  const send = async () => {
    const trimmed = text.trim();
    if (!trimmed || sending || (mode === 'reply' && !canReply)) return;
    setSending(true);
    try {
      await onSend(trimmed, mode, picking ? channel : undefined);
      setText('');
      stopTyping();
    } finally {
      setSending(false);
      textAreaReference.current?.focus();
    }
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return; // an IME (pinyin) candidate is being chosen
    if (cannedOpen && cannedMatches.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setHighlighted((current) => (current + step + cannedMatches.length) % cannedMatches.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        insertCanned(highlighted);
        return;
      }
    }
    if (cannedOpen && event.key === 'Escape') {
      event.preventDefault();
      setText('');
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <div className={`composer composer--${mode}`}>
      {cannedOpen && <CannedMenu matches={cannedMatches} highlighted={highlighted} onChoose={insertCanned} />}
      <div className="composer-toolbar">
        <Segmented<ComposerMode>
          size="small"
          value={mode}
          onChange={setMode}
          options={[
            { label: t('reply'), value: 'reply', disabled: !canReply },
            { label: t('note'), value: 'note' },
          ]}
        />
        {picking && <ReplyChannelPicker channels={replyChannels} value={channel} onChange={setChannel} />}
        {!canReply && <span className="composer-locked">{t('composerLocked')}</span>}
      </div>
      <div className="composer-row">
        <Input.TextArea
          ref={textAreaReference}
          id="composer-input"
          aria-label={mode === 'reply' ? t('reply') : t('privateNote')}
          placeholder={mode === 'reply' ? t('composerPlaceholder') : t('notePlaceholder')}
          value={text}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={4000}
          onChange={(event) => {
            setText(event.target.value);
            setHighlighted(0);
            reportTyping(event.target.value);
          }}
          onBlur={stopTyping}
          onKeyDown={handleKeyDown}
        />
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={sending}
          disabled={!text.trim() || (mode === 'reply' && !canReply)}
          onClick={() => void send()}
          aria-label={t('send')}
        >
          {t('send')}
        </Button>
      </div>
    </div>
  );
}
