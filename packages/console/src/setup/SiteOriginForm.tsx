import { KefuTrustApi } from '@kefu/sdk';
import { App as AntApp, Button, Input, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { useSetupText } from './setupText';
import { useFailureText } from '../common/failureText';

/** Adds the shop's site to the sites allowed to embed the widget (the same list as 安全与隐私). */
export function SiteOriginForm({ onAdded }: { onAdded(): void }) {
  const text = useSetupText();
  const { client } = useSession();
  const api = useMemo(() => new KefuTrustApi(client), [client]);
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [site, setSite] = useState('');
  const add = async () => {
    try {
      const current = await api.getWidgetOrigins();
      await api.setWidgetOrigins([...new Set([...current.added, site.trim()])]);
      toast.success(text('siteAdded'));
      setSite('');
      onAdded();
    } catch (error) {
      toast.error(describeFailure(error));
    }
  };
  return (
    <Space.Compact className="setup-site">
      <Input
        aria-label={text('siteAddress')}
        placeholder="https://shop.example.com"
        value={site}
        onChange={(event) => setSite(event.target.value)}
        onPressEnter={() => void add()}
      />
      <Button type="primary" disabled={!site.trim()} onClick={() => void add()}>
        {text('addSite')}
      </Button>
    </Space.Compact>
  );
}
