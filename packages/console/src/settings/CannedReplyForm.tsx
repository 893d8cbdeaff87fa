import { PlusOutlined } from '@ant-design/icons';
import type { CannedReplyInput } from '@kefu/sdk';
import { Button, Form, Input, Select } from 'antd';
import { useDictionary } from '../i18n/I18nContext';
import { cannedEn, cannedZh } from './cannedText';

/** A new canned reply: just me or a team, category, shortcut, title, text (with {{variables}}). */
export function CannedReplyForm(props: {
  teams: { id: string; name: string }[];
  onSubmit(input: CannedReplyInput): Promise<void>;
}) {
  const text = useDictionary(cannedZh, cannedEn);
  const [form] = Form.useForm<CannedReplyInput>();
  const scope = Form.useWatch('scope', form);
  return (
    <Form
      form={form}
      layout="inline"
      className="canned-form"
      initialValues={{ scope: 'personal', category: '', title: '' }}
      onFinish={async (values) => {
        await props.onSubmit({ ...values, shortcut: values.shortcut.replace(/^\//, '').trim() });
        form.resetFields();
      }}
    >
      <Form.Item name="scope" label={text('scope')}>
        <Select
          style={{ width: 110 }}
          options={[
            { value: 'personal', label: text('personal') },
            { value: 'team', label: text('team'), disabled: props.teams.length === 0 },
          ]}
        />
      </Form.Item>
      {scope === 'team' && (
        <Form.Item name="teamId" rules={[{ required: true }]}>
          <Select
            aria-label={text('teamPick')}
            placeholder={text('teamPick')}
            style={{ width: 140 }}
            options={props.teams.map((team) => ({ value: team.id, label: team.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="category">
        <Input placeholder={text('category')} aria-label={text('category')} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="shortcut" rules={[{ required: true, pattern: /^\/?[^\s/]{1,32}$/ }]}>
        <Input
          prefix="/"
          placeholder={text('shortcut')}
          aria-label={text('shortcut')}
          style={{ width: 130 }}
        />
      </Form.Item>
      <Form.Item name="title">
        <Input placeholder={text('replyTitle')} aria-label={text('replyTitle')} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="text" rules={[{ required: true, max: 2000 }]} style={{ flex: 1, minWidth: 220 }}>
        <Input.TextArea autoSize placeholder={text('text')} aria-label={text('text')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<PlusOutlined />}>
        {text('add')}
      </Button>
    </Form>
  );
}
