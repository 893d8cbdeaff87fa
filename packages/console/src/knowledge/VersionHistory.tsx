import { RollbackOutlined } from '@ant-design/icons';
import type { KnowledgeEntry, KnowledgeVersion } from '@kefu/sdk';
import { Alert, Button, Empty, List, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { diffContents } from './contentDiff';
import { versionStatusColors, versionStatusLabelKeys } from './knowledgeLabels';
import { useKnowledgeApi } from './useKnowledgeApi';
import { useFailureText } from '../common/failureText';

interface VersionHistoryProps {
  entry: KnowledgeEntry;
  canReview: boolean;
  nameOf(agentId: string | null): string;
  onRollback(version: number): Promise<void>;
}

/** Every version of an entry, newest first; the chosen one is shown as a diff against the one before. */
export function VersionHistory({ entry, canReview, nameOf, onRollback }: VersionHistoryProps) {
  const { t } = useI18n();
  const describeFailure = useFailureText();
  const api = useKnowledgeApi();
  const [versions, setVersions] = useState<KnowledgeVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(entry.latestVersion);

  useEffect(() => {
    let current = true;
    api.listVersions(entry.id).then(
      (loaded) => current && setVersions(loaded),
      (failure: unknown) => current && setError(describeFailure(failure)),
    );
    setSelected(entry.latestVersion);
    return () => {
      current = false;
    };
  }, [api, entry.id, entry.latestVersion, describeFailure]);

  if (error) return <Alert type="error" title={error} />;
  if (!versions) return <Spin />;
  const chosen = versions.find((version) => version.version === selected);
  const previous = versions.find((version) => version.version === selected - 1) ?? null;
  const diff = chosen ? diffContents(previous?.content ?? null, chosen.content) : [];
  const changed = diff.filter((line) => line.change !== 'same');

  return (
    <div className="kb-versions">
      <List
        className="kb-version-list"
        size="small"
        dataSource={[...versions].reverse()}
        renderItem={(version) => (
          <List.Item
            className={version.version === selected ? 'kb-version kb-version--selected' : 'kb-version'}
            onClick={() => setSelected(version.version)}
            actions={
              canReview && version.version !== entry.publishedVersion && version.status !== 'in_review'
                ? [
                    <Popconfirm
                      key="rollback"
                      title={t('kbRollbackConfirm', { version: version.version })}
                      okText={t('kbRollback')}
                      cancelText={t('cancel')}
                      onConfirm={() => onRollback(version.version)}
                    >
                      <Button
                        size="small"
                        icon={<RollbackOutlined />}
                        aria-label={`${t('kbRollback')} v${version.version}`}
                        onClick={(event) => event.stopPropagation()}
                      >
                        {t('kbRollback')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space size={6} wrap>
                  <b>{t('kbVersion', { version: version.version })}</b>
                  <Tag color={versionStatusColors[version.status]}>
                    {t(versionStatusLabelKeys[version.status])}
                  </Tag>
                  {version.version === entry.publishedVersion && (
                    <Tag color="success">{t('kbCurrentLive')}</Tag>
                  )}
                </Space>
              }
              description={
                <span className="kb-muted">
                  {t('kbAuthor')} {nameOf(version.authorId)}
                  {version.reviewerId && ` · ${t('kbReviewer')} ${nameOf(version.reviewerId)}`} ·{' '}
                  {new Date(version.updatedAt).toLocaleString()}
                  {version.reviewNote && (
                    <Typography.Text type="secondary" className="kb-version-note">
                      {t('kbReviewNoteFrom', { note: version.reviewNote })}
                    </Typography.Text>
                  )}
                </span>
              }
            />
          </List.Item>
        )}
      />
      <section className="kb-diff" aria-label={t('kbVersionsTab')}>
        <header className="kb-diff-header">
          {previous ? t('kbCompareWith', { version: previous.version }) : t('kbFirstVersion')} →{' '}
          {t('kbVersion', { version: selected })}
        </header>
        {changed.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kbNoChanges')} />
        ) : (
          <pre className="kb-diff-lines" data-testid="version-diff">
            {diff.map((line, index) => (
              <div key={index} className={`kb-diff-line kb-diff-line--${line.change}`}>
                <span className="kb-diff-sign" aria-hidden>
                  {line.change === 'added' ? '+' : line.change === 'removed' ? '−' : ' '}
                </span>
                {line.text}
              </div>
            ))}
          </pre>
        )}
      </section>
    </div>
  );
}
