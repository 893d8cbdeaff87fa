import type { IntentExampleEntry } from '@kefu/sdk';
import { DeleteOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Input, List, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useDisplayNames } from '../common/useDisplayNames';
import { useIntentsApi, useIntentsText } from './intentsApi';
import type { IntentEntry } from './IntentTrainingPage';
import { useFailureText } from '../common/failureText';

/** Every intent with its example count; a row opens its examples to edit, remove or add to. */
export function ExamplesPanel({ intents, onChanged }: { intents: IntentEntry[]; onChanged: () => void }) {
  const text = useIntentsText();
  const names = useDisplayNames();
  return (
    <Table<IntentEntry>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={intents}
      expandable={{
        expandRowByClick: true,
        expandedRowRender: (intent) => <IntentExamples intent={intent} onChanged={onChanged} />,
      }}
      columns={[
        { title: text('itIntent'), render: (_value, intent) => names.intent(intent.id) },
        { title: text('itExampleCount'), width: 120, render: (_value, intent) => intent.examples.length },
      ]}
    />
  );
}

function IntentExamples({ intent, onChanged }: { intent: IntentEntry; onChanged: () => void }) {
  const text = useIntentsText();
  const describeFailure = useFailureText();
  const api = useIntentsApi();
  const { message: toast } = AntApp.useApp();
  const [draft, setDraft] = useState('');
  const run = (work: Promise<unknown>) =>
    work.then(onChanged, (failure: unknown) => toast.error(describeFailure(failure)));
  const add = () => {
    const trimmed = draft.trim();
    if (!trimmed) return;
    void run(api.addExample(intent.id, trimmed)).then(() => setDraft(''));
  };
  return (
    <div className="intent-examples">
      <List<IntentExampleEntry>
        size="small"
        dataSource={intent.examples}
        locale={{ emptyText: text('itNoExamples') }}
        renderItem={(example) => (
          <List.Item
            actions={[
              <Button
                key="remove"
                size="small"
                icon={<DeleteOutlined />}
                aria-label={text('itRemove')}
                onClick={() => void run(api.removeExample(example.id))}
              />,
            ]}
          >
            <Typography.Text
              editable={{
                onChange: (value) => {
                  if (value.trim() && value !== example.text)
                    void run(api.updateExample(example.id, { text: value.trim() }));
                },
              }}
            >
              {example.text}
            </Typography.Text>
          </List.Item>
        )}
      />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label={text('itAddExample')}
          placeholder={text('itExamplePlaceholder')}
          value={draft}
          maxLength={300}
          onChange={(event) => setDraft(event.target.value)}
          onPressEnter={add}
        />
        <Button type="primary" onClick={add}>
          {text('itAddExample')}
        </Button>
      </Space.Compact>
    </div>
  );
}
