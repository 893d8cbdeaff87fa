import {
  AuditOutlined,
  BookOutlined,
  BulbOutlined,
  ExperimentOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { KnowledgeEntry } from '@kefu/sdk';
import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { EntryDrawer } from './EntryDrawer';
import type { EntryDrawerTarget } from './EntryDrawer';
import { EntryList } from './EntryList';
import { GapsPanel } from './GapsPanel';
import { ImportExportPanel } from './ImportExportPanel';
import { KnowledgeTestBox } from './KnowledgeTestBox';
import './knowledge.css';

/** The knowledge base: entries and their review, gaps, import/export and a test box. */
export function KnowledgePage() {
  const { t } = useI18n();
  const [drawer, setDrawer] = useState<EntryDrawerTarget | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = () => setRefreshKey((key) => key + 1);
  const open = (entry: KnowledgeEntry) => setDrawer({ entry });
  const listProps = {
    refreshKey,
    onOpen: open,
    onCreate: (newKind: 'faq' | 'article') => setDrawer({ newKind }),
  };

  return (
    <div className="admin-page kb-page">
      <header className="kb-page-header">
        <h1>
          <BookOutlined aria-hidden /> {t('kbTitle')}
        </h1>
        <p>{t('kbSubtitle')}</p>
      </header>
      <Card className="kb-card kb-main-card">
        <Tabs
          destroyOnHidden
          items={[
            {
              key: 'entries',
              icon: <BookOutlined />,
              label: t('kbTabEntries'),
              children: <EntryList {...listProps} />,
            },
            {
              key: 'review',
              icon: <AuditOutlined />,
              label: t('kbTabReview'),
              children: <EntryList {...listProps} fixedStatus="in_review" />,
            },
            {
              key: 'gaps',
              icon: <BulbOutlined />,
              label: t('kbTabGaps'),
              children: (
                <GapsPanel
                  onDrafted={(entry) => {
                    refresh();
                    open(entry);
                  }}
                />
              ),
            },
            {
              key: 'import',
              icon: <SwapOutlined />,
              label: t('kbTabImport'),
              children: <ImportExportPanel onImported={refresh} />,
            },
            {
              key: 'test',
              icon: <ExperimentOutlined />,
              label: t('kbTabTest'),
              children: <KnowledgeTestBox />,
            },
          ]}
        />
      </Card>
      {drawer && (
        <EntryDrawer
          key={'entry' in drawer ? drawer.entry.id : drawer.newKind}
          target={drawer}
          onClose={() => setDrawer(null)}
          onChanged={refresh}
        />
      )}
    </div>
  );
}
