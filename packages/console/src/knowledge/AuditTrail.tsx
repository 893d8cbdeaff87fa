import type { KnowledgeAuditRecord } from '@kefu/sdk';
import { Alert, Empty, Spin, Tag, Timeline } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { auditActionLabelKey } from './knowledgeLabels';
import { useKnowledgeApi } from './useKnowledgeApi';
import { useFailureText } from '../common/failureText';

const actionColors: Record<string, string> = {
  'knowledge.approved': 'green',
  'knowledge.rejected': 'red',
  'knowledge.archived': 'gray',
  'knowledge.rolled_back': 'purple',
  'knowledge.submitted': 'orange',
};

/** The entry's audit trail: who did what, when, newest first. */
export function AuditTrail({
  entryId,
  refreshKey,
  nameOf,
}: {
  entryId: string;
  refreshKey: string;
  nameOf(agentId: string | null): string;
}) {
  const { t } = useI18n();
  const describeFailure = useFailureText();
  const api = useKnowledgeApi();
  const [records, setRecords] = useState<KnowledgeAuditRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.listHistory(entryId).then(
      (loaded) => current && setRecords(loaded),
      (failure: unknown) => current && setError(describeFailure(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, entryId, refreshKey, describeFailure]);

  if (error) return <Alert type="error" title={error} />;
  if (!records) return <Spin />;
  if (records.length === 0) return <Empty description={t('kbHistoryEmpty')} />;
  return (
    <Timeline
      className="kb-audit"
      items={[...records].reverse().map((record, index) => {
        const labelKey = auditActionLabelKey(record.action);
        return {
          key: `${record.createdAt}-${index}`,
          color: actionColors[record.action] ?? 'blue',
          content: (
            <div className="kb-audit-item">
              <div>
                <b>{labelKey ? t(labelKey) : record.action}</b>
                <span className="kb-muted">
                  {' '}
                  · {record.actorType === 'system' ? t('kbSystem') : nameOf(record.actorId)} ·{' '}
                  {new Date(record.createdAt).toLocaleString()}
                </span>
              </div>
              <AuditDetails data={record.data} />
            </div>
          ),
        };
      })}
    />
  );
}

function AuditDetails({ data }: { data: Record<string, unknown> }) {
  const { t } = useI18n();
  const { version, fromVersion, toVersion, note } = data;
  return (
    <div className="kb-audit-details">
      {typeof version === 'number' && <Tag>{t('kbVersion', { version })}</Tag>}
      {typeof toVersion === 'number' && (
        <Tag color="purple">
          {typeof fromVersion === 'number' ? `v${fromVersion} → ` : ''}
          {t('kbVersion', { version: toVersion })}
        </Tag>
      )}
      {typeof note === 'string' && note && <span>{t('kbReviewNoteFrom', { note })}</span>}
    </div>
  );
}
