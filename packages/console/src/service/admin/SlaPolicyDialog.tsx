import type { ChannelKind, ConversationPriority, SlaPolicy, SlaPolicyInput } from '@kefu/sdk';
import { Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { allChannels, channelLabelKeys, priorityLabelKeys } from '../../common/labels';
import { useI18n } from '../../i18n/I18nContext';
import { useServiceText } from '../serviceText';
import { CategoryPicker } from '../../common/CategoryPicker';

const priorities: ConversationPriority[] = ['low', 'normal', 'high', 'urgent'];
const newPolicy: SlaPolicyInput = {
  name: '',
  position: 100,
  matchPriority: null,
  matchCategory: null,
  matchChannel: null,
  firstResponseMinutes: 30,
  nextResponseMinutes: null,
  resolutionMinutes: 1440,
  warningMinutes: 15,
  businessHoursOnly: true,
  enabled: true,
};

/** Creates or edits one policy; empty match fields mean "any". */
export function SlaPolicyDialog({
  policy,
  open,
  onCancel,
  onSave,
}: {
  policy: SlaPolicy | null;
  open: boolean;
  onCancel(): void;
  onSave(input: SlaPolicyInput): void;
}) {
  const st = useServiceText();
  const { t } = useI18n();
  const [form] = Form.useForm<SlaPolicyInput>();
  useEffect(() => {
    if (open) form.setFieldsValue(policy ?? newPolicy);
  }, [open, policy, form]);

  const submit = async () => {
    const values = await form.validateFields();
    onSave({
      ...values,
      matchPriority: values.matchPriority ?? null,
      matchChannel: values.matchChannel ?? null,
      matchCategory: values.matchCategory?.trim() ? values.matchCategory.trim() : null,
      firstResponseMinutes: values.firstResponseMinutes ?? null,
      nextResponseMinutes: values.nextResponseMinutes ?? null,
      resolutionMinutes: values.resolutionMinutes ?? null,
    });
  };
  const minutesField = (
    name: 'firstResponseMinutes' | 'nextResponseMinutes' | 'resolutionMinutes' | 'warningMinutes',
  ) => (
    <Form.Item name={name} label={st(name)}>
      <InputNumber min={name === 'warningMinutes' ? 0 : 1} max={525_600} style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={policy ? st('editPolicy') : st('newPolicy')}
      okText={st('save')}
      cancelText={st('cancel')}
      onOk={() => void submit()}
      onCancel={onCancel}
      width={640}
      forceRender
    >
      <Form<SlaPolicyInput> form={form} layout="vertical">
        <div className="form-row">
          <Form.Item name="name" label={st('policyName')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="position" label={st('matchOrder')} rules={[{ required: true }]}>
            <InputNumber min={0} max={10_000} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <div className="form-row form-row--three">
          <Form.Item name="matchPriority" label={st('priority')}>
            <Select<ConversationPriority>
              allowClear
              placeholder={st('any')}
              options={priorities.map((value) => ({ value, label: t(priorityLabelKeys[value]) }))}
            />
          </Form.Item>
          <Form.Item name="matchCategory" label={st('category')}>
            <CategoryPicker placeholder={st('any')} />
          </Form.Item>
          <Form.Item name="matchChannel" label={st('channel')}>
            <Select<ChannelKind>
              allowClear
              placeholder={st('any')}
              options={allChannels.map((value) => ({ value, label: t(channelLabelKeys[value]) }))}
            />
          </Form.Item>
        </div>
        <div className="form-row">
          {minutesField('firstResponseMinutes')}
          {minutesField('nextResponseMinutes')}
        </div>
        <div className="form-row">
          {minutesField('resolutionMinutes')}
          {minutesField('warningMinutes')}
        </div>
        <div className="form-row">
          <Form.Item name="businessHoursOnly" label={st('businessHoursOnly')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="enabled" label={st('enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
