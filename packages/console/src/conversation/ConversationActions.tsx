import { CheckCircleOutlined, RedoOutlined, RobotOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { Conversation } from '@kefu/sdk';
import { Button, Space, Tooltip } from 'antd';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';

export type ConversationAction = 'takeover' | 'handback' | 'resolve' | 'reopen';

/** Which actions make sense now; the server decides in the end (and answers 409 otherwise). */
export function availableActions(conversation: Conversation, agentId: string): ConversationAction[] {
  const isClosed = conversation.status === 'resolved' || conversation.status === 'closed';
  if (isClosed) return ['reopen'];
  const actions: ConversationAction[] = [];
  if (conversation.assigneeId !== agentId) actions.push('takeover');
  if (conversation.status !== 'bot') actions.push('handback');
  actions.push('resolve');
  return actions;
}

const shortcutKeys: Record<ConversationAction, string> = {
  takeover: 'KeyT',
  handback: 'KeyH',
  resolve: 'KeyE',
  reopen: 'KeyO',
};

export function ConversationActions({
  conversation,
  agentId,
  onAction,
}: {
  conversation: Conversation;
  agentId: string;
  onAction(action: ConversationAction): void;
}) {
  const { t } = useI18n();
  const actions = availableActions(conversation, agentId);

  useEffect(() => {
    const handleKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const action = actions.find((candidate) => shortcutKeys[candidate] === event.code);
      if (!action) return;
      event.preventDefault();
      onAction(action);
    };
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, [actions, onAction]);

  const buttons: Record<ConversationAction, { label: string; icon: ReactNode; primary: boolean }> = {
    takeover: { label: t('takeOver'), icon: <UserSwitchOutlined />, primary: true },
    handback: { label: t('handBack'), icon: <RobotOutlined />, primary: false },
    resolve: { label: t('resolve'), icon: <CheckCircleOutlined />, primary: false },
    reopen: { label: t('reopen'), icon: <RedoOutlined />, primary: true },
  };
  return (
    <Space wrap size={8} className="conversation-actions">
      {actions.map((action) => (
        <Tooltip key={action} title={`Alt+${shortcutKeys[action].slice(3)}`}>
          <Button
            type={buttons[action].primary ? 'primary' : 'default'}
            icon={buttons[action].icon}
            onClick={() => onAction(action)}
            aria-keyshortcuts={`Alt+${shortcutKeys[action].slice(3)}`}
          >
            {buttons[action].label}
          </Button>
        </Tooltip>
      ))}
    </Space>
  );
}
