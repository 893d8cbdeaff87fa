import type { OrderAddress, OrderReturnReason } from '@kefu/sdk';
import { Form, Input, Modal, Radio, Select } from 'antd';
import { useDictionary } from '../i18n/I18nContext';
import { ordersEn, ordersZh } from './ordersText';

const reasons: OrderReturnReason[] = [
  'no_longer_needed',
  'wrong_size',
  'not_as_described',
  'defective',
  'damaged_in_transit',
];

interface ReturnRequest {
  kind: 'return' | 'exchange';
  reason: OrderReturnReason;
  note: string;
}

/** The confirmation of a return or exchange: kind and reason (in words), then the shop creates the RMA. */
export function ReturnDialog(props: {
  open: boolean;
  onClose(): void;
  onSubmit(request: ReturnRequest): Promise<void>;
}) {
  const text = useDictionary(ordersZh, ordersEn);
  const [form] = Form.useForm<ReturnRequest>();
  return (
    <Modal
      open={props.open}
      title={text('startReturn')}
      okText={text('confirm')}
      cancelText={text('dismiss')}
      onCancel={props.onClose}
      onOk={async () => {
        const values = await form.validateFields();
        await props.onSubmit(values);
        props.onClose();
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'return', reason: 'defective', note: '' }}>
        <Form.Item name="kind" label={text('kind')}>
          <Radio.Group
            options={[
              { value: 'return', label: text('kindReturn') },
              { value: 'exchange', label: text('kindExchange') },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label={text('reason')}>
          <Select options={reasons.map((reason) => ({ value: reason, label: text(`reason_${reason}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={text('note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A new delivery address, confirmed before it goes to the shop. */
export function AddressDialog(props: {
  open: boolean;
  initial: OrderAddress;
  onClose(): void;
  onSubmit(address: OrderAddress): Promise<void>;
}) {
  const text = useDictionary(ordersZh, ordersEn);
  const [form] = Form.useForm<OrderAddress>();
  const fields = ['recipient', 'phone', 'province', 'city', 'district', 'line'] as const;
  return (
    <Modal
      open={props.open}
      title={text('changeAddress')}
      okText={text('confirm')}
      cancelText={text('dismiss')}
      onCancel={props.onClose}
      onOk={async () => {
        const values = await form.validateFields();
        await props.onSubmit(values);
        props.onClose();
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={props.initial}>
        {fields.map((field) => (
          <Form.Item
            key={field}
            name={field}
            label={text(field)}
            rules={[{ required: ['recipient', 'phone', 'line'].includes(field) }]}
          >
            <Input />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
