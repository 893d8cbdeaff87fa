import type { WebhookInput } from '@kefu/sdk';
import { webhookEventTypes } from '@kefu/sdk';
import { Checkbox, Form, Input, Modal, Switch } from 'antd';
import { eventLabelKeys, useIntegrationsText } from './integrationsText';

/** A new webhook: name, receiver URL, the events by name, and whether a private-network target is allowed. */
export function WebhookForm({
  onSubmit,
  onClose,
}: {
  onSubmit: (input: WebhookInput) => Promise<void>;
  onClose: () => void;
}) {
  const text = useIntegrationsText();
  const [form] = Form.useForm<WebhookInput>();
  return (
    <Modal
      open
      title={text('webhookAdd')}
      okText={text('save')}
      cancelText={text('cancel')}
      onCancel={onClose}
      onOk={() => void form.validateFields().then(onSubmit, () => undefined)}
      destroyOnHidden
    >
      <Form<WebhookInput>
        form={form}
        layout="vertical"
        className="webhook-form"
        initialValues={{ enabled: true, allowPrivateNetwork: false, events: [] }}
      >
        <Form.Item
          name="name"
          label={text('webhookName')}
          rules={[{ required: true, message: text('required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="url"
          label={text('webhookUrl')}
          extra={text('webhookUrlHelp')}
          rules={[{ required: true, message: text('required') }]}
        >
          <Input placeholder="https://crm.example.com/kefu-webhooks" maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="events"
          label={text('webhookEvents')}
          rules={[{ required: true, type: 'array', min: 1, message: text('eventsRequired') }]}
        >
          <Checkbox.Group
            className="webhook-events"
            options={webhookEventTypes.map((type) => ({ value: type, label: text(eventLabelKeys[type]) }))}
          />
        </Form.Item>
        <Form.Item
          name="allowPrivateNetwork"
          label={text('webhookAllowPrivate')}
          extra={text('webhookAllowPrivateHelp')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="enabled" label={text('webhookEnabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
