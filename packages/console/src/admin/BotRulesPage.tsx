import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { BotRule, BotRuleInput } from '@kefu/sdk';
import { App as AntApp, Button, Card, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { useDisplayNames } from '../common/useDisplayNames';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/zhCN';
import { BotRuleEditor } from './BotRuleEditor';
import { BotTestBox } from './BotTestBox';
import { useFailureText } from '../common/failureText';

const matchTypeLabels: Record<BotRule['matchType'], MessageKey> = {
  contains: 'matchContains',
  exact: 'matchExact',
  regex: 'matchRegex',
};

/** Greeting and keyword rules: the first enabled rule (by priority) that matches answers the shopper. */
export function BotRulesPage() {
  const { t } = useI18n();
  const names = useDisplayNames();
  const { client } = useSession();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [rules, setRules] = useState<BotRule[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<BotRule | 'new' | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    client
      .listBotRules()
      .then(setRules, (failure: unknown) => toast.error(String(failure)))
      .finally(() => setLoading(false));
  }, [client, toast]);
  useEffect(load, [load]);

  const report = async (work: Promise<unknown>) => {
    try {
      await work;
      toast.success(t('saved'));
      load();
    } catch (failure) {
      toast.error(describeFailure(failure));
      throw failure;
    }
  };

  const save = async (input: BotRuleInput) => {
    await report(
      editing === 'new' || editing === null
        ? client.createBotRule(input)
        : client.updateBotRule(editing.id, input),
    );
    setEditing(null);
  };

  return (
    <div className="admin-page">
      <BotTestBox />
      <Card
        title={t('rulesTitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('createRule')}
          </Button>
        }
      >
        <Table<BotRule>
          rowKey="id"
          loading={loading}
          dataSource={rules}
          pagination={false}
          tableLayout="fixed"
          scroll={{ x: 960 }}
          columns={[
            { title: t('priority'), dataIndex: 'priority', width: 80 },
            {
              title: t('ruleName'),
              dataIndex: 'name',
              width: 140,
              render: (name: string) => names.ruleName(name),
            },
            {
              title: t('patterns'),
              render: (_value, rule) => (
                <div className="rule-patterns">
                  <Tag color="geekblue">{t(matchTypeLabels[rule.matchType])}</Tag>
                  {rule.patterns.map((pattern) => (
                    <Tag key={pattern}>{pattern}</Tag>
                  ))}
                </div>
              ),
            },
            {
              title: t('replyZh'),
              dataIndex: 'replyZh',
              width: 280,
              render: (reply: string) => (
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: reply }} style={{ margin: 0 }}>
                  {reply}
                </Typography.Paragraph>
              ),
            },
            {
              title: t('action'),
              dataIndex: 'action',
              width: 110,
              render: (action: BotRule['action']) =>
                action === 'handoff' ? (
                  <Tag color="orange">{t('actionHandoff')}</Tag>
                ) : (
                  <Tag>{t('actionReply')}</Tag>
                ),
            },
            {
              title: t('enabled'),
              width: 80,
              render: (_value, rule) => (
                <Switch
                  size="small"
                  checked={rule.enabled}
                  aria-label={`${t('enabled')} ${rule.name}`}
                  onChange={(enabled) =>
                    void report(client.updateBotRule(rule.id, { enabled })).catch(() => undefined)
                  }
                />
              ),
            },
            {
              title: '',
              width: 96,
              render: (_value, rule) => (
                <Space size={4}>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={`${t('edit')} ${rule.name}`}
                    onClick={() => setEditing(rule)}
                  />
                  <Popconfirm
                    title={t('confirmDelete')}
                    okText={t('delete')}
                    cancelText={t('cancel')}
                    onConfirm={() => report(client.deleteBotRule(rule.id)).catch(() => undefined)}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`${t('delete')} ${rule.name}`}
                    />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing !== null && (
        <BotRuleEditor
          rule={editing === 'new' ? null : editing}
          onSave={save}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
