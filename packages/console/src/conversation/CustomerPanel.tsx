import { CrownFilled } from '@ant-design/icons';
import { EyeOutlined } from '@ant-design/icons';
import type { Conversation, CustomerProfile } from '@kefu/sdk';
import { isChannelKind, KefuPrivacyApi } from '@kefu/sdk';
import { Button, Descriptions, Empty, List, Spin, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSession, useSignedInAgent } from '../auth/SessionContext';
import { ShopperDataRights } from '../access/ShopperDataRights';
import { ChannelIcon } from '../common/ChannelIcon';
import { statusColors, statusLabelKeys } from '../common/labels';
import { formatClock } from '../common/time';
import { useI18n } from '../i18n/I18nContext';
import { customerDisplayName } from '../inbox/customerName';
import { useDisplayNames } from '../common/useDisplayNames';
import { CustomerCalls } from './CustomerCalls';
import { CustomerAcrossChannels } from './CustomerAcrossChannels';
import { OfferConsentTag } from '../marketing/OfferConsentTag';

/** The customer behind the open conversation: profile, identities per channel, past conversations. */
export function CustomerPanel({
  customerId,
  conversationId,
  onOpenConversation,
}: {
  customerId: string;
  conversationId: string;
  onOpenConversation(conversationId: string): void;
}) {
  const { t, locale } = useI18n();
  const names = useDisplayNames();
  const { client } = useSession();
  const [customer, setCustomer] = useState<CustomerProfile | null>(null);
  const [history, setHistory] = useState<Conversation[]>([]);
  const agent = useSignedInAgent();
  const privacy = useMemo(() => new KefuPrivacyApi(client), [client]);
  const mayReveal = agent.permissions.includes('customers:reveal');
  const reveal = () =>
    void privacy.revealCustomer(customerId).then(
      (profile) => setCustomer(profile),
      () => undefined,
    );

  const [loads, setLoads] = useState(0);
  const reload = () => setLoads((count) => count + 1);
  useEffect(() => {
    let cancelled = false;
    setCustomer(null);
    void client.getCustomer(customerId).then(
      (profile) => !cancelled && setCustomer(profile),
      () => undefined,
    );
    void client
      .listConversations({
        customerId,
        status: ['bot', 'queued', 'assigned', 'resolved', 'closed'],
        limit: 20,
      })
      .then(
        (items) => !cancelled && setHistory(items),
        () => undefined,
      );
    return () => {
      cancelled = true;
    };
  }, [client, customerId, loads]);

  if (!customer) return <Spin className="panel-loading" />;
  const none = <Typography.Text type="secondary">{t('none')}</Typography.Text>;
  const pastConversations = history.filter((item) => item.id !== conversationId);
  return (
    <aside className="customer-panel" aria-label={t('customerProfile')}>
      <h3>
        {customerDisplayName(customer, customer.id, t)}
        {customer.vipTier !== 'none' && (
          <Tag color="gold" icon={<CrownFilled />} style={{ marginLeft: 8 }}>
            VIP · {customer.vipTier}
          </Tag>
        )}
        <OfferConsentTag customerId={customer.id} />
      </h3>
      <Descriptions column={1} size="small" colon={false} labelStyle={{ width: 88 }}>
        <Descriptions.Item label={t('customerId')}>
          <Typography.Text copyable className="mono">
            {customer.id}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('email')}>{customer.email ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('phone')}>{customer.phone ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('locale')}>
          {customer.locale ? names.language(customer.locale) : none}
        </Descriptions.Item>
        {customer.masked && mayReveal && (
          <Descriptions.Item label="">
            <Tooltip title={t('revealAudited')}>
              <Button size="small" icon={<EyeOutlined />} onClick={reveal}>
                {t('revealPersonalData')}
              </Button>
            </Tooltip>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('tags')}>
          {customer.tags.length > 0 ? customer.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('since')}>{formatClock(customer.createdAt, locale)}</Descriptions.Item>
      </Descriptions>
      <h4>{t('identities')}</h4>
      <List
        size="small"
        dataSource={customer.identities}
        locale={{ emptyText: t('none') }}
        renderItem={(identity) => (
          <List.Item>
            <span className="identity-line">
              {isChannel(identity.channel) ? (
                <ChannelIcon channel={identity.channel} />
              ) : (
                <Tag>{t(identity.channel === 'shop' ? 'identityShop' : 'identityWechatUnionId')}</Tag>
              )}
              <span className="mono">{identity.externalId}</span>
            </span>
          </List.Item>
        )}
      />
      <CustomerCalls customerId={customerId} />
      <ShopperDataRights customerId={customer.id} privacy={privacy} onErased={reload} />
      <CustomerAcrossChannels customerId={customerId} onChanged={reload} />
      <h4>{t('pastConversations')}</h4>
      {pastConversations.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} />
      ) : (
        <List
          size="small"
          dataSource={pastConversations}
          renderItem={(item) => (
            <List.Item>
              <button type="button" className="link-button" onClick={() => onOpenConversation(item.id)}>
                <ChannelIcon channel={item.channel} />{' '}
                {formatClock(item.lastMessageAt ?? item.createdAt, locale)}
              </button>
              <Tag color={statusColors[item.status]}>{t(statusLabelKeys[item.status])}</Tag>
            </List.Item>
          )}
        />
      )}
    </aside>
  );
}

function isChannel(value: string): value is Conversation['channel'] {
  return isChannelKind(value);
}
