import type { BotRule, BotRuleInput } from '@kefu/sdk';
import { Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nContext';

interface RuleFields {
  name: string;
  matchType: BotRule['matchType'];
  patterns: string;
  replyZh: string;
  replyEn: string;
  action: BotRule['action'];
  priority: number;
  enabled: boolean;
}

/** Creates or edits one rule; patterns are edited one per line. */
export function BotRuleEditor({
  rule,
  onSave,
  onClose,
}: {
  rule: BotRule | null;
  onSave(input: BotRuleInput): Promise<void>;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<RuleFields>();
  const [saving, setSaving] = useState(false);
  const initialValues: RuleFields = rule
    ? { ...rule, patterns: rule.patterns.join('\n') }
    : {
        name: '',
        matchType: 'contains',
        patterns: '',
        replyZh: '',
        replyEn: '',
        action: 'reply',
        priority: 100,
        enabled: true,
      };

  const submit = async () => {
    const fields = await form.validateFields();
    setSaving(true);
    try {
      await onSave({
        ...fields,
        patterns: fields.patterns
          .split('\n')
          .map((pattern) => pattern.trim())
          .filter(Boolean),
      });
    } catch {
      // the page showed the error; keep the dialog open with the agent's input
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={rule ? `${t('edit')} · ${rule.name}` : t('createRule')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} requiredMark={false}>
        <Form.Item name="name" label={t('ruleName')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="matchType" label={t('matchType')} style={{ flex: 1 }}>
            <Select
              options={[
                { value: 'contains', label: t('matchContains') },
                { value: 'exact', label: t('matchExact') },
                { value: 'regex', label: t('matchRegex') },
              ]}
            />
          </Form.Item>
          <Form.Item name="action" label={t('action')} style={{ flex: 1 }}>
            <Select
              options={[
                { value: 'reply', label: t('actionReply') },
                { value: 'handoff', label: t('actionHandoff') },
              ]}
            />
          </Form.Item>
          <Form.Item name="priority" label={t('priority')} tooltip={t('priorityHint')} style={{ width: 110 }}>
            <InputNumber min={0} max={10000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="enabled" label={t('enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>
        <Form.Item
          name="patterns"
          label={t('patterns')}
          extra={t('patternsHint')}
          rules={[{ required: true }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item
          name="replyZh"
          label={t('replyZh')}
          dependencies={['replyEn']}
          extra={t('oneReplyIsEnough')}
          rules={[{ max: 2000 }, oneReplyNeeded('replyEn', t('oneReplyNeeded'))]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="replyEn" label={t('replyEn')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A rule needs a reply in at least one language: shoppers in the other get it (converted for zh-Hant). */
function oneReplyNeeded(otherField: 'replyZh' | 'replyEn', message: string) {
  return ({ getFieldValue }: { getFieldValue(name: string): unknown }) => ({
    validator(_rule: unknown, value: unknown) {
      const other = getFieldValue(otherField);
      const filled = (text: unknown) => typeof text === 'string' && text.trim().length > 0;
      return filled(value) || filled(other) ? Promise.resolve() : Promise.reject(new Error(message));
    },
  });
}
