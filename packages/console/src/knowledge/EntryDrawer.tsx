import type { KnowledgeEntry, KnowledgeEntryKind, KnowledgeWorkflowAction } from '@kefu/sdk';
import { KefuApiError } from '@kefu/sdk';
import { App as AntApp, Alert, Drawer, Form, Space, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useSignedInAgent } from '../auth/SessionContext';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/zhCN';
import { AuditTrail } from './AuditTrail';
import { convertContentToFormValues, convertFormValuesToContent } from './entryForm';
import type { EntryFormValues } from './entryForm';
import { EntryForm } from './EntryForm';
import { EntryWorkflowBar } from './EntryWorkflowBar';
import { entryKindLabelKeys, versionStatusColors, versionStatusLabelKeys } from './knowledgeLabels';
import { useAgentNames } from './useAgentNames';
import { useKnowledgeApi } from './useKnowledgeApi';
import { VersionHistory } from './VersionHistory';
import { useFailureText } from '../common/failureText';

export type EntryDrawerTarget = { entry: KnowledgeEntry } | { newKind: KnowledgeEntryKind };

const doneMessages: Record<KnowledgeWorkflowAction, MessageKey> = {
  submit: 'kbSubmitted',
  approve: 'kbApproved',
  reject: 'kbRejected',
  archive: 'kbArchived',
};

/** An entry's editor with its review workflow, version history (diff, rollback) and audit trail. */
export function EntryDrawer({
  target,
  onClose,
  onChanged,
}: {
  target: EntryDrawerTarget;
  onClose(): void;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const describeFailure = useFailureText();
  const api = useKnowledgeApi();
  const me = useSignedInAgent();
  const nameOf = useAgentNames();
  const { message: toast } = AntApp.useApp();
  const [form] = Form.useForm<EntryFormValues>();
  const [entry, setEntry] = useState<KnowledgeEntry | null>('entry' in target ? target.entry : null);
  const [busy, setBusy] = useState(false);
  const kind = entry?.kind ?? ('newKind' in target ? target.newKind : 'faq');
  const initialValues = useMemo(() => convertContentToFormValues(entry?.latest.content ?? null), [entry]);
  const status = entry?.latest.status ?? 'draft';
  const canReview = me.permissions.includes('knowledge:review');

  const report = (failure: unknown) => {
    if (failure instanceof KefuApiError && failure.code === 'knowledge_self_review')
      toast.error(t('kbSelfReviewError'));
    else if (failure instanceof KefuApiError && failure.code === 'conflict') toast.error(t('kbConflict'));
    else if (failure instanceof Error && !('errorFields' in failure)) toast.error(describeFailure(failure));
  };

  const run = async (work: () => Promise<KnowledgeEntry>, done: (updated: KnowledgeEntry) => string) => {
    setBusy(true);
    try {
      const updated = await work();
      setEntry(updated);
      form.resetFields();
      form.setFieldsValue(convertContentToFormValues(updated.latest.content));
      toast.success(done(updated));
      onChanged();
      return updated;
    } catch (failure) {
      report(failure);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const saveContent = async (): Promise<KnowledgeEntry> => {
    const values = await form.validateFields();
    const content = convertFormValuesToContent({ ...initialValues, ...values });
    if (Object.keys(content.locales).length === 0) throw new Error(t('kbAtLeastOneLocale'));
    return entry ? api.updateEntry(entry.id, content, entry.latestVersion) : api.createEntry(kind, content);
  };

  const save = () => run(saveContent, (saved) => t('kbSavedDraft', { version: saved.latestVersion }));

  const runAction = async (action: KnowledgeWorkflowAction, note?: string) => {
    await run(
      async () => {
        // Submitting saves the editor's changes first, so what is reviewed is what is on screen.
        const current =
          action === 'submit' && (!entry || form.isFieldsTouched()) ? await saveContent() : entry;
        if (!current) throw new Error(t('kbAtLeastOneLocale'));
        return api.runWorkflow(current.id, action, note);
      },
      () => t(doneMessages[action]),
    );
  };

  const rollback = async (version: number) => {
    if (!entry) return;
    await run(
      () => api.rollback(entry.id, version),
      (updated) => t('kbRolledBack', { version: updated.latestVersion }),
    );
  };

  const title = entry ? entry.title : kind === 'faq' ? t('kbEditorNewFaq') : t('kbEditorNewArticle');
  return (
    <Drawer
      open
      size={920}
      onClose={onClose}
      destroyOnHidden
      className="kb-drawer"
      title={
        <Space size={8} wrap>
          <Tag color={kind === 'faq' ? 'blue' : 'cyan'}>{t(entryKindLabelKeys[kind])}</Tag>
          <span>{title}</span>
          {entry && (
            <Tag color={versionStatusColors[status]}>
              {t('kbVersion', { version: entry.latestVersion })} · {t(versionStatusLabelKeys[status])}
            </Tag>
          )}
          {entry?.publishedVersion && (
            <Tag color="success">{t('kbLiveVersion', { version: entry.publishedVersion })}</Tag>
          )}
        </Space>
      }
      footer={
        <EntryWorkflowBar
          entry={entry}
          meId={me.id}
          canReview={canReview}
          busy={busy}
          onSave={() => void save()}
          onAction={(action, note) => void runAction(action, note)}
        />
      }
    >
      {entry?.latest.status === 'draft' && entry.latest.reviewNote && (
        <Alert
          type="warning"
          showIcon
          className="kb-drawer-alert"
          title={t('kbReviewNoteFrom', { note: entry.latest.reviewNote })}
        />
      )}
      <Tabs
        items={[
          {
            key: 'content',
            label: t('kbEditorTab'),
            forceRender: true,
            children: (
              <EntryForm
                form={form}
                kind={kind}
                initialValues={initialValues}
                disabled={status === 'in_review' || busy}
              />
            ),
          },
          ...(entry
            ? [
                {
                  key: 'versions',
                  label: t('kbVersionsTab'),
                  children: (
                    <VersionHistory
                      entry={entry}
                      canReview={canReview}
                      nameOf={nameOf}
                      onRollback={rollback}
                    />
                  ),
                },
                {
                  key: 'history',
                  label: t('kbHistoryTab'),
                  children: (
                    <AuditTrail
                      entryId={entry.id}
                      refreshKey={`${entry.latestVersion}:${entry.latest.status}:${entry.updatedAt}`}
                      nameOf={nameOf}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Drawer>
  );
}
