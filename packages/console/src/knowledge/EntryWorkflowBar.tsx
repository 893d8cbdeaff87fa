import {
  CheckOutlined,
  CloseOutlined,
  InfoCircleOutlined,
  SaveOutlined,
  SendOutlined,
  StopOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { KnowledgeEntry, KnowledgeWorkflowAction } from '@kefu/sdk';
import { Button, Input, Modal, Popconfirm, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nContext';

interface EntryWorkflowBarProps {
  entry: KnowledgeEntry | null;
  meId: string;
  canReview: boolean;
  busy: boolean;
  onSave(): void;
  onAction(action: KnowledgeWorkflowAction, note?: string): void;
}

/** The editor's footer: save and submit for authors; approve and reject for reviewers other than the author. */
export function EntryWorkflowBar({ entry, meId, canReview, busy, onSave, onAction }: EntryWorkflowBarProps) {
  const { t } = useI18n();
  const [noteFor, setNoteFor] = useState<'approve' | 'reject' | null>(null);
  const [note, setNote] = useState('');
  const status = entry?.latest.status ?? 'draft';
  const inReview = status === 'in_review';
  const isOwnVersion = entry?.latest.authorId === meId;
  const selfReview = inReview && canReview && isOwnVersion;

  const notice = selfReview ? (
    <span className="kb-workflow-notice kb-workflow-notice--blocked" role="status">
      <WarningOutlined /> {t('kbSelfReviewBlocked')}
    </span>
  ) : inReview ? (
    <span className="kb-workflow-notice" role="status">
      <InfoCircleOutlined /> {t('kbInReviewLocked')}
    </span>
  ) : (
    <span className="kb-workflow-notice">
      <InfoCircleOutlined /> {t('kbReviewByOthers')}
    </span>
  );

  const closeNote = () => {
    setNoteFor(null);
    setNote('');
  };

  return (
    <div className="kb-workflow-bar">
      {notice}
      <Space wrap>
        {!inReview && (
          <Button icon={<SaveOutlined />} loading={busy} onClick={onSave}>
            {t('kbSaveDraft')}
          </Button>
        )}
        {!inReview && status === 'draft' && (
          <Button type="primary" icon={<SendOutlined />} loading={busy} onClick={() => onAction('submit')}>
            {t('kbSubmit')}
          </Button>
        )}
        {canReview && status === 'published' && (
          <Popconfirm title={`${t('kbArchive')}?`} onConfirm={() => onAction('archive')}>
            <Button danger icon={<StopOutlined />} loading={busy}>
              {t('kbArchive')}
            </Button>
          </Popconfirm>
        )}
        {inReview && canReview && (
          <>
            <Button danger icon={<CloseOutlined />} loading={busy} onClick={() => setNoteFor('reject')}>
              {t('kbReject')}
            </Button>
            <Tooltip title={selfReview ? t('kbSelfReviewBlocked') : undefined}>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={busy}
                disabled={selfReview}
                onClick={() => setNoteFor('approve')}
              >
                {t('kbApprove')}
              </Button>
            </Tooltip>
          </>
        )}
      </Space>
      <Modal
        open={noteFor !== null}
        title={noteFor === 'reject' ? t('kbReject') : t('kbApprove')}
        okText={noteFor === 'reject' ? t('kbReject') : t('kbApprove')}
        okButtonProps={{ danger: noteFor === 'reject' }}
        cancelText={t('cancel')}
        onCancel={closeNote}
        onOk={() => {
          if (noteFor) onAction(noteFor, note);
          closeNote();
        }}
      >
        <Input.TextArea
          aria-label={noteFor === 'reject' ? t('kbRejectNote') : t('kbApproveNote')}
          placeholder={noteFor === 'reject' ? t('kbRejectNote') : t('kbApproveNote')}
          value={note}
          maxLength={1000}
          autoSize={{ minRows: 3, maxRows: 6 }}
          onChange={(event) => setNote(event.target.value)}
        />
      </Modal>
    </div>
  );
}
