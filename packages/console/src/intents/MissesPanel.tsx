import type { MissedMessage } from '@kefu/sdk';
import { App as AntApp, Button, List, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useDisplayNames } from '../common/useDisplayNames';
import { percent, useIntentsApi, useIntentsText } from './intentsApi';
import { useFailureText } from '../common/failureText';

/** Recent shopper messages the bot did not understand; each is added to an intent in one click. */
export function MissesPanel({
  intentIds,
  version,
  onAdded,
}: {
  intentIds: string[];
  version: number;
  onAdded: () => void;
}) {
  const text = useIntentsText();
  const describeFailure = useFailureText();
  const names = useDisplayNames();
  const api = useIntentsApi();
  const { message: toast } = AntApp.useApp();
  const [misses, setMisses] = useState<MissedMessage[]>([]);
  const [chosen, setChosen] = useState<Record<string, string>>({});

  useEffect(() => {
    api.listMisses().then(setMisses, (failure: unknown) => toast.error(describeFailure(failure)));
  }, [api, toast, version, describeFailure]);

  const intentOf = (miss: MissedMessage): string | undefined =>
    chosen[miss.messageId] ?? (intentIds.includes(miss.intent) ? miss.intent : undefined);
  const add = (miss: MissedMessage, intent: string) =>
    api.addExample(intent, miss.text, miss.messageId).then(
      () => {
        toast.success(text('itAdded'));
        onAdded();
      },
      (failure: unknown) => toast.error(describeFailure(failure)),
    );
  const options = intentIds.map((id) => ({ value: id, label: names.intent(id) }));

  return (
    <List<MissedMessage>
      dataSource={misses}
      locale={{ emptyText: text('itMissesEmpty') }}
      renderItem={(miss) => {
        const intent = intentOf(miss);
        return (
          <List.Item
            className="intent-miss"
            actions={[
              <Select
                key="intent"
                aria-label={text('itChooseIntent')}
                placeholder={text('itChooseIntent')}
                showSearch
                optionFilterProp="label"
                style={{ minWidth: 160 }}
                value={intent}
                options={options}
                onChange={(value: string) =>
                  setChosen((current) => ({ ...current, [miss.messageId]: value }))
                }
              />,
              <Button
                key="add"
                type="primary"
                disabled={!intent}
                onClick={() => intent && void add(miss, intent)}
              >
                {text('itAddAs')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={<Typography.Text>{miss.text}</Typography.Text>}
              description={
                <Space wrap>
                  {text('itBotGuess')}: {names.intent(miss.intent)} ({percent(miss.confidence)})
                  {miss.fellBack && <Tag>{text('itFellBack')}</Tag>}
                </Space>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
