// Keyboard shortcuts of the inbox (listed in the shortcuts dialog, `?`).
import { useEffect } from 'react';
import { useSignedInAgent } from '../auth/SessionContext';
import { useInbox } from './InboxContext';
import type { InboxTab } from './inboxView';

export function useInboxShortcuts(
  conversationId: string | null,
  open: (conversationId: string) => void,
): void {
  const { conversations, setTab } = useInbox();
  const agent = useSignedInAgent();

  useEffect(() => {
    const handleKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && /^Digit[123]$/.test(event.code)) {
        const tabs: InboxTab[] = agent.permissions.includes('conversations:read_all')
          ? ['mine', 'queue', 'all']
          : ['mine', 'queue'];
        const tab = tabs[Number(event.code.slice(5)) - 1];
        if (tab) {
          event.preventDefault();
          setTab(tab);
        }
        return;
      }
      if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
      if (event.key === 'j' || event.key === 'k') {
        const index = conversations.findIndex((conversation) => conversation.id === conversationId);
        const next = conversations[event.key === 'j' ? index + 1 : Math.max(0, index - 1)];
        if (next) open(next.id);
      } else if (event.key === '/') {
        event.preventDefault();
        document.getElementById('inbox-search')?.focus();
      } else if (event.key === 'r') {
        event.preventDefault();
        document.getElementById('composer-input')?.focus();
      }
    };
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, [agent.permissions, conversationId, conversations, open, setTab]);
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
