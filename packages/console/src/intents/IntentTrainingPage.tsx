import { Card, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { IntentExampleEntry } from '@kefu/sdk';
import { App as AntApp } from 'antd';
import { ExamplesPanel } from './ExamplesPanel';
import { useIntentsApi, useIntentsText } from './intentsApi';
import { MissesPanel } from './MissesPanel';
import { ModelPanel } from './ModelPanel';
import { useFailureText } from '../common/failureText';

export interface IntentEntry {
  id: string;
  examples: IntentExampleEntry[];
}

/** Intent training: the shop's examples per intent, the bot's misses, retraining, promotion and roll back. */
export function IntentTrainingPage() {
  const text = useIntentsText();
  const describeFailure = useFailureText();
  const api = useIntentsApi();
  const { message: toast } = AntApp.useApp();
  const [intents, setIntents] = useState<IntentEntry[]>([]);
  const [missesVersion, setMissesVersion] = useState(0);

  const loadIntents = useCallback(() => {
    api.listIntents().then(setIntents, (failure: unknown) => toast.error(describeFailure(failure)));
  }, [api, toast, describeFailure]);
  useEffect(loadIntents, [loadIntents]);

  const exampleAdded = () => {
    loadIntents();
    setMissesVersion((version) => version + 1);
  };

  return (
    <div className="admin-page intent-training">
      <Typography.Title level={3}>{text('itTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{text('itSubtitle')}</Typography.Paragraph>
      <ModelPanel />
      <Card title={text('itMisses')}>
        <MissesPanel
          intentIds={intents.map((intent) => intent.id)}
          version={missesVersion}
          onAdded={exampleAdded}
        />
      </Card>
      <Card title={text('itIntents')}>
        <ExamplesPanel intents={intents} onChanged={loadIntents} />
      </Card>
    </div>
  );
}
