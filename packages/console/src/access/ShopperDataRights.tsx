import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import type { KefuPrivacyApi } from '@kefu/sdk';
import { Alert, App as AntApp, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSignedInAgent } from '../auth/SessionContext';
import { downloadBlob } from '../security/downloadBlob';
import { useAccessText } from './accessText';

/**
 * A shopper's rights from the customer view: download everything held about them (one archive), or erase
 * them after typing their id. The server audits both and decides again who may.
 */
export function ShopperDataRights({
  customerId,
  privacy,
  onErased,
}: {
  customerId: string;
  privacy: KefuPrivacyApi;
  onErased(): void;
}) {
  const text = useAccessText();
  const agent = useSignedInAgent();
  const { message: toast } = AntApp.useApp();
  const [erasing, setErasing] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const mayExport = agent.permissions.includes('customers:export');
  const mayErase = agent.permissions.includes('customers:erase');
  if (!mayExport && !mayErase) return null;

  const exportArchive = async () => {
    setBusy(true);
    try {
      downloadBlob(await privacy.exportCustomer(customerId), `customer-${customerId}.tar`);
      toast.success(text('exportStarted'));
    } catch {
      toast.error(text('actionFailed'));
    }
    setBusy(false);
  };
  const erase = async () => {
    setBusy(true);
    try {
      const report = await privacy.eraseCustomer(customerId);
      setErasing(false);
      toast.success(text('erased', { ...report }));
      onErased();
    } catch {
      toast.error(text('actionFailed'));
    }
    setBusy(false);
  };

  return (
    <section aria-label={text('shopperData')}>
      <h4>{text('shopperData')}</h4>
      <Space wrap>
        {mayExport && (
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={busy}
            onClick={() => void exportArchive()}
          >
            {text('exportData')}
          </Button>
        )}
        {mayErase && (
          <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setErasing(true)}>
            {text('eraseData')}
          </Button>
        )}
      </Space>
      <Modal
        open={erasing}
        title={text('eraseTitle')}
        okText={text('eraseConfirm')}
        okButtonProps={{ danger: true, disabled: typed.trim() !== customerId, loading: busy }}
        cancelText={text('cancel')}
        onOk={() => void erase()}
        onCancel={() => setErasing(false)}
        afterClose={() => setTyped('')}
      >
        <Alert type="error" showIcon title={text('eraseIntro')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph>{text('eraseTypeToConfirm', { id: customerId })}</Typography.Paragraph>
        <Input
          aria-label={text('eraseTypeToConfirm', { id: customerId })}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
        />
      </Modal>
    </section>
  );
}
