import type { OfferRuleInput } from '@kefu/sdk';
import { offerResolvers } from '@kefu/sdk';
import { Divider, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { CategoryPicker } from '../common/CategoryPicker';
import { tierNames } from '../common/displayNameCatalogue';
import { useDisplayNames } from '../common/useDisplayNames';
import { resolverKeys, useMarketingText } from './marketingText';

export const newOfferRule: OfferRuleInput = {
  name: '',
  enabled: true,
  conditions: {
    resolvedBy: 'anyone',
    categories: [],
    requireProductDiscussed: false,
    minimumCsat: null,
    skipUpsetShoppers: true,
    customerTiers: [],
  },
  content: { recommendations: 3, coupon: true },
  delayMinutes: 10,
  capDays: 7,
};

/** A new or changed offer rule: when it applies, what it sends, its delay and frequency cap. */
export function OfferRuleForm({
  title,
  initial,
  onSubmit,
  onClose,
}: {
  title: string;
  initial: OfferRuleInput;
  onSubmit: (input: OfferRuleInput) => Promise<void>;
  onClose: () => void;
}) {
  const text = useMarketingText();
  const names = useDisplayNames();
  const [form] = Form.useForm<OfferRuleInput>();
  const submit = (values: OfferRuleInput) =>
    onSubmit({
      ...values,
      conditions: { ...values.conditions, minimumCsat: values.conditions.minimumCsat ?? null },
    });
  return (
    <Modal
      open
      title={title}
      okText={text('save')}
      cancelText={text('cancel')}
      onCancel={onClose}
      onOk={() => void form.validateFields().then(submit, () => undefined)}
      destroyOnHidden
      width={640}
    >
      <Form<OfferRuleInput> form={form} layout="vertical" className="offer-rule-form" initialValues={initial}>
        <Form.Item
          name="name"
          label={text('ruleName')}
          rules={[{ required: true, whitespace: true, message: text('required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="enabled" label={text('ruleEnabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Divider>{text('ruleWhen')}</Divider>
        <Form.Item name={['conditions', 'resolvedBy']} label={text('resolvedBy')}>
          <Select options={offerResolvers.map((value) => ({ value, label: text(resolverKeys[value]) }))} />
        </Form.Item>
        <Form.Item
          name={['conditions', 'categories']}
          label={text('categories')}
          extra={text('categoriesHelp')}
        >
          <CategoryPicker multiple />
        </Form.Item>
        <Form.Item name={['conditions', 'customerTiers']} label={text('customerTiers')}>
          <Select
            mode="multiple"
            options={Object.keys(tierNames).map((tier) => ({ value: tier, label: names.tier(tier) }))}
          />
        </Form.Item>
        <Form.Item
          name={['conditions', 'minimumCsat']}
          label={text('minimumCsat')}
          extra={text('minimumCsatHelp')}
        >
          <InputNumber min={1} max={5} precision={0} />
        </Form.Item>
        <Form.Item
          name={['conditions', 'requireProductDiscussed']}
          label={text('requireProductDiscussed')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name={['conditions', 'skipUpsetShoppers']}
          label={text('skipUpsetShoppers')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Divider>{text('ruleSends')}</Divider>
        <Form.Item
          name={['content', 'recommendations']}
          label={text('recommendations')}
          extra={text('recommendationsHelp')}
          rules={[{ required: true, message: text('required') }]}
        >
          <InputNumber min={0} max={5} precision={0} />
        </Form.Item>
        <Form.Item
          name={['content', 'coupon']}
          label={text('coupon')}
          extra={text('couponHelp')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="delayMinutes"
          label={text('delayMinutes')}
          extra={text('delayHelp')}
          rules={[{ required: true, message: text('required') }]}
        >
          <InputNumber min={0} max={10080} precision={0} />
        </Form.Item>
        <Form.Item
          name="capDays"
          label={text('capDays')}
          extra={text('capHelp')}
          rules={[{ required: true, message: text('required') }]}
        >
          <InputNumber min={0} max={365} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
