import { SaveOutlined } from '@ant-design/icons';
import type { HandoffSettings } from '@kefu/sdk';
import { App as AntApp, Button, Card, Input, InputNumber, Select, Space, Spin, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import {
  certaintyChoices,
  moodBelowChoices,
  moodDropChoices,
  NamedCodesPicker,
  PlainChoice,
} from '../../common/PlainChoice';
import { useDisplayNames } from '../../common/useDisplayNames';
import { useService } from '../ServiceContext';
import type { ServiceTextKey } from '../serviceText';
import { useServiceText } from '../serviceText';
import { useFailureText } from '../../common/failureText';

type Toggle = Exclude<keyof HandoffSettings, 'intentRules'>;

/** Each automatic handoff trigger with its switch and thresholds. */
export function HandoffSettingsTab() {
  const st = useServiceText();
  const names = useDisplayNames();
  const { api } = useService();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [draft, setDraft] = useState<HandoffSettings | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    api.getHandoffSettings().then(
      (listing) => setDraft(listing.settings),
      (failure: unknown) => toast.error(String(failure)),
    );
  }, [api, toast]);
  if (!draft) return <Spin />;

  const set = <K extends Toggle>(key: K, patch: Partial<HandoffSettings[K]>) =>
    setDraft({ ...draft, [key]: { ...draft[key], ...patch } });
  const number = (
    value: number,
    onChange: (value: number) => void,
    options: { min: number; max: number; step?: number },
  ) => (
    <InputNumber
      size="small"
      value={value}
      min={options.min}
      max={options.max}
      step={options.step ?? 1}
      onChange={(next) => next !== null && onChange(next)}
    />
  );
  const save = async () => {
    setSaving(true);
    try {
      setDraft(await api.updateHandoffSettings(draft));
      toast.success(st('saved'));
    } catch (failure) {
      toast.error(describeFailure(failure));
    } finally {
      setSaving(false);
    }
  };

  const trigger = (key: Toggle, title: ServiceTextKey, body: ReactNode) => (
    <Card
      key={key}
      size="small"
      className={`trigger-card${draft[key].enabled ? '' : ' trigger-card--off'}`}
      title={st(title)}
      extra={
        <Switch
          size="small"
          checked={draft[key].enabled}
          aria-label={st(title)}
          onChange={(enabled) => set(key, { enabled })}
        />
      }
    >
      {body}
    </Card>
  );
  const field = (label: ServiceTextKey, control: ReactNode) => (
    <label className="trigger-field">
      <span>{st(label)}</span>
      {control}
    </label>
  );

  return (
    <>
      <div className="trigger-grid">
        {trigger(
          'botFailures',
          'triggerBotFailures',
          field(
            'consecutive',
            number(draft.botFailures.consecutive, (consecutive) => set('botFailures', { consecutive }), {
              min: 1,
              max: 20,
            }),
          ),
        )}
        {trigger(
          'notHelpful',
          'triggerNotHelpful',
          <>
            {field(
              'count',
              number(draft.notHelpful.count, (count) => set('notHelpful', { count }), { min: 1, max: 20 }),
            )}
            {field(
              'phrases',
              <Select
                size="small"
                mode="tags"
                value={draft.notHelpful.phrases}
                onChange={(phrases: string[]) => set('notHelpful', { phrases })}
                maxTagCount={6}
              />,
            )}
          </>,
        )}
        {trigger(
          'anger',
          'triggerAnger',
          field(
            'angryMessages',
            number(draft.anger.angryMessages, (angryMessages) => set('anger', { angryMessages }), {
              min: 1,
              max: 10,
            }),
          ),
        )}
        {trigger(
          'sentimentDecline',
          'triggerSentimentDecline',
          <Space wrap>
            {field(
              'window',
              number(draft.sentimentDecline.window, (window) => set('sentimentDecline', { window }), {
                min: 2,
                max: 10,
              }),
            )}
            {field(
              'minimumDrop',
              <PlainChoice
                choices={moodDropChoices}
                value={draft.sentimentDecline.minimumDrop}
                onChange={(minimumDrop) => set('sentimentDecline', { minimumDrop })}
              />,
            )}
            {field(
              'below',
              <PlainChoice
                choices={moodBelowChoices}
                value={draft.sentimentDecline.below}
                onChange={(below) => set('sentimentDecline', { below })}
              />,
            )}
          </Space>,
        )}
        {trigger(
          'complaint',
          'triggerComplaint',
          field(
            'minimumConfidence',
            <PlainChoice
              choices={certaintyChoices}
              value={draft.complaint.minimumConfidence}
              onChange={(minimumConfidence) => set('complaint', { minimumConfidence })}
            />,
          ),
        )}
        {trigger(
          'refundAmount',
          'triggerRefundAmount',
          <>
            {field(
              'thresholdCny',
              number(
                draft.refundAmount.thresholdCny,
                (thresholdCny) => set('refundAmount', { thresholdCny }),
                { min: 0, max: 1_000_000, step: 100 },
              ),
            )}
            {field(
              'intents',
              <NamedCodesPicker
                kind="intent"
                value={draft.refundAmount.intents}
                onChange={(intents) => set('refundAmount', { intents })}
              />,
            )}
          </>,
        )}
        {trigger(
          'vip',
          'triggerVip',
          field(
            'tiers',
            <NamedCodesPicker
              kind="tier"
              value={draft.vip.tiers}
              onChange={(tiers) => set('vip', { tiers })}
            />,
          ),
        )}
        {trigger(
          'sensitiveTopics',
          'triggerSensitiveTopics',
          <div className="topic-list">
            {draft.sensitiveTopics.topics.map((topic, index) => (
              <label key={topic.id} className="trigger-field">
                <span>{names.topic(topic.id)}</span>
                <Input
                  size="small"
                  value={topic.keywords.join('、')}
                  onChange={(event) =>
                    set('sensitiveTopics', {
                      topics: draft.sensitiveTopics.topics.map((candidate, candidateIndex) =>
                        candidateIndex === index
                          ? {
                              ...candidate,
                              keywords: event.target.value
                                .split(/[、,，]/)
                                .map((word) => word.trim())
                                .filter(Boolean),
                            }
                          : candidate,
                      ),
                    })
                  }
                />
              </label>
            ))}
          </div>,
        )}
      </div>
      <Button
        type="primary"
        icon={<SaveOutlined />}
        loading={saving}
        onClick={() => void save()}
        className="settings-save"
      >
        {st('save')}
      </Button>
    </>
  );
}
