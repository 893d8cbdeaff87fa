import type { ConversationPriority, Ticket } from '@kefu/sdk';
import { App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useSignedInAgent } from '../../auth/SessionContext';
import { priorityLabelKeys } from '../../common/labels';
import { useI18n } from '../../i18n/I18nContext';
import { CategoryPicker } from '../../common/CategoryPicker';
import { useService } from '../ServiceContext';
import { useServiceText } from '../serviceText';
import { useFailureText } from '../../common/failureText';

interface NewTicketFields {
  subject: string;
  description: string;
  priority: ConversationPriority;
  category: string;
  assigneeId: string | null;
  orderNumber?: string;
}

const priorities: ConversationPriority[] = ['low', 'normal', 'high', 'urgent'];

/** An agent opens a ticket by hand (assigned to themselves unless they choose someone else). */
export function NewTicketDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(ticket: Ticket): void;
}) {
  const st = useServiceText();
  const { t } = useI18n();
  const self = useSignedInAgent();
  const { api, directory } = useService();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [form] = Form.useForm<NewTicketFields>();

  const submit = async () => {
    const fields = await form.validateFields();
    try {
      const order = fields.orderNumber?.trim();
      const ticket = await api.createTicket({
        subject: fields.subject,
        description: fields.description,
        priority: fields.priority,
        category: fields.category,
        assigneeId: fields.assigneeId,
        links: order ? [{ kind: 'order', targetId: order }] : [],
      });
      toast.success(st('saved'));
      form.resetFields();
      onClose();
      onCreated(ticket);
    } catch (failure) {
      toast.error(describeFailure(failure));
    }
  };

  return (
    <Modal
      open={open}
      title={st('newTicket')}
      okText={st('create')}
      cancelText={st('cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<NewTicketFields>
        form={form}
        layout="vertical"
        initialValues={{ priority: 'normal', category: 'general', assigneeId: self.id }}
      >
        <Form.Item name="subject" label={st('subject')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={st('description')} rules={[{ required: true, max: 10_000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="priority" label={st('priority')}>
            <Select options={priorities.map((value) => ({ value, label: t(priorityLabelKeys[value]) }))} />
          </Form.Item>
          <Form.Item name="category" label={st('category')} rules={[{ required: true, max: 60 }]}>
            <CategoryPicker />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="assigneeId" label={st('assignee')}>
            <Select
              allowClear
              options={directory.agents.map((colleague) => ({
                value: colleague.id,
                label: colleague.displayName,
              }))}
            />
          </Form.Item>
          <Form.Item name="orderNumber" label={st('orderNumber')}>
            <Input className="mono" />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
