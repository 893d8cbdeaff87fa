import { PlusOutlined } from '@ant-design/icons';
import type { ChannelAccount, ChannelAccountInput, KefuChannelAccountsApi, MailboxProblem } from '@kefu/sdk';
import { App as AntApp, Button, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ChannelAccountForm, kindLabels } from './ChannelAccountForm';
import { useSecurityText } from './securityText';
import { useFailureText } from '../common/failureText';
import type { SecurityText } from './securityText';

/** What a mailbox problem means for the admin, in their language. */
const problemLabels: Record<MailboxProblem, Parameters<SecurityText>[0]> = {
  auth_failed: 'problemAuthFailed',
  tls_failed: 'problemTlsFailed',
  unreachable: 'problemUnreachable',
  folder_missing: 'problemFolderMissing',
  failed: 'problemFailed',
};

/** Channel accounts (WeChat Official Accounts, WeChat customer service): the callback URL, test, disable. */
export function ChannelAccountsTab({ api }: { api: KefuChannelAccountsApi }) {
  const text = useSecurityText();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [accounts, setAccounts] = useState<ChannelAccount[] | null>(null);
  const [editing, setEditing] = useState<ChannelAccount | 'new' | null>(null);
  const report = useCallback(
    (failure: unknown) => void toast.error(describeFailure(failure)),
    [toast, describeFailure],
  );
  const reload = useCallback(() => api.list().then(setAccounts, report), [api, report]);
  useEffect(() => void reload(), [reload]);
  if (!accounts) return <Spin />;

  const save = async (input: ChannelAccountInput) => {
    try {
      if (editing === 'new') await api.create(input);
      else if (editing)
        await api.update(editing.id, {
          name: input.name,
          settings: input.settings,
          credentials: input.credentials,
        });
      setEditing(null);
      toast.success(text('saved'));
      await reload();
    } catch (failure) {
      report(failure);
    }
  };
  const test = async (account: ChannelAccount) => {
    try {
      const result = await api.testConnection(account.id);
      if (result.ok && result.messageCount !== null)
        toast.success(text('channelTestMailbox', { count: result.messageCount }));
      else if (result.ok) toast.success(text('channelTestOk'));
      else
        toast.error(
          text('channelTestFailed', {
            reason: result.problem ? text(problemLabels[result.problem]) : (result.reason ?? ''),
          }),
        );
    } catch (failure) {
      report(failure);
    }
  };
  const toggle = async (account: ChannelAccount) => {
    try {
      await api.update(account.id, { enabled: !account.enabled });
      await reload();
    } catch (failure) {
      report(failure);
    }
  };

  return (
    <Space direction="vertical" size="large" className="security-tab">
      <Typography.Paragraph>{text('channelsIntro')}</Typography.Paragraph>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
        {text('channelAdd')}
      </Button>
      <Table<ChannelAccount>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={accounts}
        locale={{ emptyText: text('channelNone') }}
        columns={[
          { title: text('channelName'), dataIndex: 'name' },
          { title: text('channelKind'), render: (_, account) => text(kindLabels[account.kind]) },
          {
            title: text('channelState'),
            render: (_, account) =>
              account.enabled ? (
                <Tag color="green">{text('channelEnabled')}</Tag>
              ) : (
                <Tag>{text('channelDisabled')}</Tag>
              ),
          },
          {
            title: text('channelCallback'),
            render: (_, account) => (
              <Space direction="vertical" size={0}>
                <CallbackAddress account={account} />
                {account.mailbox !== null || account.settings.inbound === 'imap' ? (
                  <MailboxState account={account} />
                ) : null}
                {account.kind === 'telegram' && (
                  <Typography.Text type="secondary">
                    {text(account.callbackUrl ? 'channelTelegramWebhook' : 'channelTelegramWebhookManual')}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '',
            render: (_, account) => (
              <Space wrap>
                <Button size="small" onClick={() => void test(account)}>
                  {text('channelTest')}
                </Button>
                <Button size="small" onClick={() => setEditing(account)}>
                  {text('channelEdit', { name: '' }).trim()}
                </Button>
                <Button size="small" danger={account.enabled} onClick={() => void toggle(account)}>
                  {account.enabled ? text('channelDisable') : text('channelEnable')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <ChannelAccountForm
          editing={editing === 'new' ? null : editing}
          onSubmit={save}
          onClose={() => setEditing(null)}
        />
      )}
    </Space>
  );
}

/** How an IMAP mailbox's fetching goes: waiting for the first, fine (when last), or failing (why, the detail). */
function MailboxState({ account }: { account: ChannelAccount }) {
  const text = useSecurityText();
  const status = account.mailbox;
  if (!status) return <Tag>{text('mailboxWaiting')}</Tag>;
  if (status.problem === null)
    return (
      <Tag color="green">
        {text('mailboxOk', {
          time: new Date(status.lastSuccessAt ?? status.lastPolledAt ?? '').toLocaleString(),
        })}
      </Tag>
    );
  return (
    <Tooltip title={status.detail}>
      <Tag color="red" className="mailbox-problem">
        {text('mailboxFailing', { problem: text(problemLabels[status.problem]), failures: status.failures })}
      </Tag>
    </Tooltip>
  );
}

/** Where the platform sends: the callback URL to paste, the mail listener's address, or the mailbox fetched. */
function CallbackAddress({ account }: { account: ChannelAccount }) {
  const text = useSecurityText();
  const settings = account.settings;
  if (account.kind === 'email' && settings.inbound === 'imap')
    return (
      <Typography.Text code>
        {text('channelMailbox', {
          address: String(settings.address),
          host: String(settings.imapHost),
          port: String(settings.imapPort),
          folder: String(settings.imapFolder),
        })}
      </Typography.Text>
    );
  return (
    <Typography.Text copyable code>
      {account.kind === 'email'
        ? text('channelMailListener', {
            address: String(account.settings.address),
            host: String(account.settings.listenHost),
            port: String(account.settings.listenPort),
          })
        : (account.callbackUrl ?? `${window.location.origin}${account.callbackPath}`)}
    </Typography.Text>
  );
}
