import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditChainCheck, AuditEntry, AuditFilter, KefuPrivacyApi } from '@kefu/sdk';
import { Alert, App as AntApp, Button, DatePicker, Input, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { formatClock } from '../common/time';
import { useI18n } from '../i18n/I18nContext';
import { auditActions, useAuditActionLabel } from './auditActionLabels';
import { downloadBlob } from './downloadBlob';
import { useSecurityText } from './securityText';
import { useFailureText } from '../common/failureText';

/** The audit log with filters (action, person, period), a CSV export and the hash-chain check. */
export function AuditLogTab({ api }: { api: KefuPrivacyApi }) {
  const text = useSecurityText();
  const actionLabel = useAuditActionLabel();
  const { locale } = useI18n();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [check, setCheck] = useState<AuditChainCheck | null>(null);
  const report = useCallback(
    (failure: unknown) => toast.error(describeFailure(failure)),
    [toast, describeFailure],
  );
  useEffect(() => {
    setLoading(true);
    api
      .listAudit({ ...filter, limit: 200 })
      .then(setEntries, report)
      .finally(() => setLoading(false));
  }, [api, filter, report]);

  const exportCsv = () =>
    api.exportAudit(filter, 'csv').then((blob) => downloadBlob(blob, 'kefu-audit.csv'), report);
  const verify = () => api.verifyAudit().then(setCheck, report);
  const actorLabel = (actorType: string) =>
    actorType === 'system'
      ? text('auditSystem')
      : actorType === 'customer'
        ? text('auditVisitor')
        : text('auditAnonymous');

  return (
    <Space direction="vertical" size="middle" className="security-tab security-tab--wide">
      <Space wrap>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 200 }}
          placeholder={text('auditFilterAction')}
          aria-label={text('auditFilterAction')}
          options={auditActions.map((action) => ({ value: action, label: actionLabel(action) }))}
          onChange={(action?: string) => setFilter((previous) => ({ ...previous, action }))}
        />
        <Input.Search
          allowClear
          placeholder={text('auditActor')}
          aria-label={text('auditActor')}
          onSearch={(actorId) =>
            setFilter((previous) => ({ ...previous, actorId: actorId.trim() || undefined }))
          }
        />
        <DatePicker.RangePicker
          aria-label={text('auditPeriod')}
          onChange={(range) =>
            setFilter((previous) => ({
              ...previous,
              from: range?.[0]?.startOf('day').toISOString(),
              to: range?.[1]?.endOf('day').toISOString(),
            }))
          }
        />
        <Button icon={<DownloadOutlined />} onClick={() => void exportCsv()}>
          {text('auditExport')}
        </Button>
        <Button icon={<SafetyCertificateOutlined />} onClick={() => void verify()}>
          {text('auditVerify')}
        </Button>
      </Space>
      {check && (
        <Alert
          type={check.valid ? 'success' : 'error'}
          showIcon
          message={
            check.valid
              ? text('auditChainValid', { entries: check.entries })
              : text('auditChainBroken', { sequence: check.firstBrokenSequence ?? '?' })
          }
        />
      )}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={entries}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 900 }}
        columns={[
          { title: '#', dataIndex: 'sequence', width: 70 },
          {
            title: text('auditTime'),
            dataIndex: 'createdAt',
            render: (value: string) => formatClock(value, locale),
          },
          { title: text('auditAction'), dataIndex: 'action', render: (value: string) => actionLabel(value) },
          {
            title: text('auditActor'),
            render: (_value, entry) => entry.actorId ?? actorLabel(entry.actorType),
          },
          {
            title: text('auditTarget'),
            render: (_value, entry) => `${entry.targetType} ${entry.targetId ?? ''}`,
          },
          {
            title: text('auditDetails'),
            dataIndex: 'data',
            render: (data: Record<string, unknown>) => (
              <span className="audit-details">{JSON.stringify(data)}</span>
            ),
          },
        ]}
      />
    </Space>
  );
}
