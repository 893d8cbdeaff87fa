import { FileMarkdownOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type {
  KnowledgeEntry,
  KnowledgeEntryFilter,
  KnowledgeEntryKind,
  KnowledgeLocale,
  KnowledgeVersionStatus,
} from '@kefu/sdk';
import { Alert, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useDisplayNames } from '../common/useDisplayNames';
import { useI18n } from '../i18n/I18nContext';
import {
  entryKindLabelKeys,
  knowledgeLocales,
  localeLabelKeys,
  versionStatusColors,
  versionStatusLabelKeys,
  versionStatuses,
} from './knowledgeLabels';
import { useKnowledgeApi } from './useKnowledgeApi';
import { useFailureText } from '../common/failureText';

interface EntryListProps {
  /** The review tab lists only versions waiting for review. */
  fixedStatus?: KnowledgeVersionStatus;
  refreshKey: number;
  onOpen(entry: KnowledgeEntry): void;
  onCreate(kind: KnowledgeEntryKind): void;
}

/** Entries with their latest version: search, and filter by state, type, category and language. */
export function EntryList({ fixedStatus, refreshKey, onOpen, onCreate }: EntryListProps) {
  const { t } = useI18n();
  const describeFailure = useFailureText();
  const names = useDisplayNames();
  const api = useKnowledgeApi();
  const [filter, setFilter] = useState<KnowledgeEntryFilter>({ limit: 500 });
  const [locale, setLocale] = useState<KnowledgeLocale | undefined>();
  const [entries, setEntries] = useState<KnowledgeEntry[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setLoading(true);
    api
      .listEntries({ ...filter, ...(fixedStatus && { status: fixedStatus }) })
      .then(
        (loaded) => {
          if (!current) return;
          setEntries(loaded);
          setError(null);
          setCategories((known) => [...new Set([...known, ...loaded.map((entry) => entry.category)])].sort());
        },
        (failure: unknown) => current && setError(describeFailure(failure)),
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [api, filter, fixedStatus, refreshKey, describeFailure]);

  // The API filters by state, type, category and text; the language is checked here on the loaded page.
  const shown = locale ? entries.filter((entry) => entry.latest.content.locales[locale]) : entries;
  const update = (patch: KnowledgeEntryFilter) => setFilter((previous) => ({ ...previous, ...patch }));

  return (
    <div className="kb-entry-list">
      <div className="kb-toolbar">
        <Input.Search
          allowClear
          className="kb-search"
          aria-label={t('kbSearchPlaceholder')}
          placeholder={t('kbSearchPlaceholder')}
          onSearch={(text) => update({ q: text.trim() || undefined })}
        />
        {!fixedStatus && (
          <Select<KnowledgeVersionStatus>
            allowClear
            aria-label={t('kbFilterStatus')}
            placeholder={t('kbAllStatuses')}
            className="kb-filter"
            value={filter.status}
            onChange={(status) => update({ status })}
            options={versionStatuses.map((status) => ({
              value: status,
              label: t(versionStatusLabelKeys[status]),
            }))}
          />
        )}
        <Select<KnowledgeEntryKind>
          allowClear
          aria-label={t('kbFilterKind')}
          placeholder={t('kbAllKinds')}
          className="kb-filter"
          value={filter.kind}
          onChange={(kind) => update({ kind })}
          options={(['faq', 'article'] as const).map((kind) => ({
            value: kind,
            label: t(entryKindLabelKeys[kind]),
          }))}
        />
        <Select<string>
          allowClear
          showSearch
          aria-label={t('kbFilterCategory')}
          placeholder={t('kbAllCategories')}
          className="kb-filter"
          value={filter.category}
          onChange={(category) => update({ category })}
          options={categories.map((category) => ({
            value: category,
            label: names.knowledgeCategory(category),
          }))}
        />
        <Select<KnowledgeLocale>
          allowClear
          aria-label={t('kbFilterLocale')}
          placeholder={t('kbAllLocales')}
          className="kb-filter"
          value={locale}
          onChange={setLocale}
          options={knowledgeLocales.map((value) => ({ value, label: t(localeLabelKeys[value]) }))}
        />
        <span className="kb-toolbar-spacer" />
        <Button icon={<FileMarkdownOutlined />} onClick={() => onCreate('article')}>
          {t('kbNewArticle')}
        </Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => onCreate('faq')}>
          {t('kbNewFaq')}
        </Button>
      </div>
      {error && <Alert type="error" title={error} />}
      <Table<KnowledgeEntry>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={shown}
        tableLayout="fixed"
        scroll={{ x: 900 }}
        pagination={{
          pageSize: 12,
          showSizeChanger: false,
          showTotal: (total) => t('kbEntryCount', { n: total }),
        }}
        onRow={(entry) => ({ onDoubleClick: () => onOpen(entry) })}
        columns={[
          {
            title: t('kbColumnTitle'),
            render: (_value, entry) => (
              <button type="button" className="kb-entry-title" onClick={() => onOpen(entry)}>
                {entry.kind === 'faq' ? <QuestionCircleOutlined /> : <FileMarkdownOutlined />}
                <Typography.Text ellipsis={{ tooltip: entry.title }}>{entry.title}</Typography.Text>
              </button>
            ),
          },
          {
            title: t('kbFilterCategory'),
            dataIndex: 'category',
            width: 130,
            render: (category: string) => <Tag bordered={false}>{names.knowledgeCategory(category)}</Tag>,
          },
          {
            title: t('kbColumnLocales'),
            width: 150,
            render: (_value, entry) =>
              knowledgeLocales
                .filter((value) => entry.latest.content.locales[value])
                .map((value) => (
                  <Tag key={value} color={value === 'en' ? 'geekblue' : 'volcano'} bordered={false}>
                    {t(localeLabelKeys[value])}
                  </Tag>
                )),
          },
          {
            title: t('kbColumnStatus'),
            width: 210,
            render: (_value, entry) => (
              <Space size={4} wrap>
                <Tag color={versionStatusColors[entry.latest.status]}>
                  v{entry.latestVersion} · {t(versionStatusLabelKeys[entry.latest.status])}
                </Tag>
                {entry.publishedVersion !== null && entry.publishedVersion !== entry.latestVersion && (
                  <Tag color="success" bordered={false}>
                    {t('kbLiveVersion', { version: entry.publishedVersion })}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('kbColumnUpdated'),
            dataIndex: 'updatedAt',
            width: 170,
            render: (updatedAt: string) => (
              <span className="kb-muted">{new Date(updatedAt).toLocaleString()}</span>
            ),
          },
          {
            title: '',
            width: 90,
            render: (_value, entry) => (
              <Button size="small" onClick={() => onOpen(entry)} aria-label={`${t('kbOpen')} ${entry.title}`}>
                {t('kbOpen')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
