import { MessageOutlined } from '@ant-design/icons';
import { Drawer, Empty, Grid } from 'antd';
import { useEffect, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { navigate } from '../common/router';
import { ConversationView } from '../conversation/ConversationView';
import { CustomerPanel } from '../conversation/CustomerPanel';
import { useI18n } from '../i18n/I18nContext';
import { OrdersPanel } from '../orders/OrdersPanel';
import { ConnectionStatus } from './ConnectionStatus';
import { useInbox } from './InboxContext';
import { InboxFiltersBar } from './InboxFiltersBar';
import { InboxList } from './InboxList';
import { useInboxShortcuts } from './useInboxShortcuts';

/** The agent workspace: the live list, the open conversation and the customer beside it. */
export function InboxPage({ conversationId }: { conversationId: string | null }) {
  const { t } = useI18n();
  const { conversations, customers, setOpenConversationId } = useInbox();
  const screens = Grid.useBreakpoint();
  const [customerDrawerOpen, setCustomerDrawerOpen] = useState(false);
  const openConversation = (id: string | null) => navigate({ screen: 'inbox', conversationId: id });
  useInboxShortcuts(conversationId, openConversation);

  useEffect(() => {
    setOpenConversationId(conversationId);
    return () => setOpenConversationId(null);
  }, [conversationId, setOpenConversationId]);

  const [knownCustomerId, setKnownCustomerId] = useState<string | null>(null);
  const listed = conversations.find((conversation) => conversation.id === conversationId);
  const customerId = listed?.customerId ?? knownCustomerId;
  const showPanelInline = screens.xl === true;

  return (
    <div className={`inbox${conversationId ? ' inbox--conversation-open' : ''}`}>
      <nav className="inbox-column" aria-label={t('navInbox')}>
        <InboxFiltersBar />
        <div className="inbox-scroll">
          <InboxList onOpen={openConversation} />
        </div>
        <ConnectionStatus />
      </nav>
      <main className="conversation-column">
        {conversationId ? (
          <ConversationLoader
            key={conversationId}
            conversationId={conversationId}
            customerId={customerId}
            onCustomerKnown={setKnownCustomerId}
            onBack={() => openConversation(null)}
            onShowCustomer={() => setCustomerDrawerOpen(true)}
            customer={customerId ? customers.get(customerId) : undefined}
          />
        ) : (
          <Empty
            className="conversation-empty"
            image={<MessageOutlined />}
            description={t('selectConversation')}
          />
        )}
      </main>
      {conversationId && customerId && showPanelInline && (
        <div className="customer-column">
          <CustomerPanel
            customerId={customerId}
            conversationId={conversationId}
            onOpenConversation={openConversation}
          />
          <OrdersPanel conversationId={conversationId} />
        </div>
      )}
      {conversationId && customerId && !showPanelInline && (
        <Drawer
          open={customerDrawerOpen}
          onClose={() => setCustomerDrawerOpen(false)}
          title={t('customerProfile')}
          size={340}
        >
          <CustomerPanel
            customerId={customerId}
            conversationId={conversationId}
            onOpenConversation={openConversation}
          />
          <OrdersPanel conversationId={conversationId} />
        </Drawer>
      )}
    </div>
  );
}

function ConversationLoader(props: {
  conversationId: string;
  customerId: string | null;
  customer: Parameters<typeof ConversationView>[0]['customer'];
  onCustomerKnown(customerId: string): void;
  onBack(): void;
  onShowCustomer(): void;
}) {
  const { conversationId, customerId, onCustomerKnown } = props;
  const { client } = useSession();
  useEffect(() => {
    if (customerId) return;
    void client.getConversation(conversationId).then(
      (conversation) => onCustomerKnown(conversation.customerId),
      () => undefined,
    );
  }, [client, conversationId, customerId, onCustomerKnown]);
  return (
    <ConversationView
      conversationId={conversationId}
      customer={props.customer}
      onBack={props.onBack}
      onShowCustomer={props.onShowCustomer}
    />
  );
}
