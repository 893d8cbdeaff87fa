// Labels and colours of knowledge states, kinds and audit actions, shared by the knowledge screens.
import type {
  KnowledgeEntryKind,
  KnowledgeLocale,
  KnowledgeOutcome,
  KnowledgeVersionStatus,
} from '@kefu/sdk';
import type { MessageKey } from '../i18n/zhCN';

export const versionStatuses: KnowledgeVersionStatus[] = ['draft', 'in_review', 'published', 'archived'];
export const knowledgeLocales: KnowledgeLocale[] = ['zh-CN', 'en'];

export const versionStatusLabelKeys: Record<KnowledgeVersionStatus, MessageKey> = {
  draft: 'kbStatusDraft',
  in_review: 'kbStatusInReview',
  published: 'kbStatusPublished',
  archived: 'kbStatusArchived',
};

export const versionStatusColors: Record<KnowledgeVersionStatus, string> = {
  draft: 'default',
  in_review: 'orange',
  published: 'green',
  archived: 'purple',
};

export const entryKindLabelKeys: Record<KnowledgeEntryKind, MessageKey> = {
  faq: 'kbKindFaq',
  article: 'kbKindArticle',
};

export const localeLabelKeys: Record<KnowledgeLocale, MessageKey> = {
  'zh-CN': 'kbLocaleZh',
  en: 'kbLocaleEn',
};

export const outcomeLabelKeys: Record<KnowledgeOutcome, MessageKey> = {
  answered: 'kbOutcomeAnswered',
  suggested: 'kbOutcomeSuggested',
  unanswered: 'kbOutcomeUnanswered',
};

const auditActionLabelKeys: Record<string, MessageKey> = {
  'knowledge.entry_created': 'kbActionCreated',
  'knowledge.draft_saved': 'kbActionDraftSaved',
  'knowledge.submitted': 'kbActionSubmitted',
  'knowledge.approved': 'kbActionApproved',
  'knowledge.rejected': 'kbActionRejected',
  'knowledge.archived': 'kbActionArchived',
  'knowledge.rolled_back': 'kbActionRolledBack',
  'knowledge.imported': 'kbActionImported',
  'knowledge.answer_corrected': 'kbActionCorrected',
};

/** The label of an audit action; unknown (newer) actions show their raw name. */
export function auditActionLabelKey(action: string): MessageKey | null {
  return auditActionLabelKeys[action] ?? null;
}
