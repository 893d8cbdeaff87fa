import { LockOutlined, SendOutlined } from '@ant-design/icons';
import type { TicketDetail } from '@kefu/sdk';
import { App as AntApp, Avatar, Button, Card, Empty, Input, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { formatClock } from '../../common/time';
import { useI18n } from '../../i18n/I18nContext';
import { useService } from '../ServiceContext';
import { useServiceText } from '../serviceText';
import { useFailureText } from '../../common/failureText';

type CommentMode = 'internal' | 'public';

/** Internal notes (agents only) and public replies (also sent into the linked chat), oldest first. */
export function TicketComments({ ticket, onChanged }: { ticket: TicketDetail; onChanged(): void }) {
  const st = useServiceText();
  const { locale } = useI18n();
  const { api, directory } = useService();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [mode, setMode] = useState<CommentMode>('internal');
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const authorName = (authorType: string, authorId: string | null) =>
    authorType === 'agent'
      ? (directory.agents.find((agent) => agent.id === authorId)?.displayName ?? authorId ?? '')
      : authorType;

  const send = async () => {
    const text = body.trim();
    if (!text) return;
    setSending(true);
    try {
      await api.commentOnTicket(ticket.id, { body: text, internal: mode === 'internal' });
      setBody('');
      onChanged();
    } catch (failure) {
      toast.error(describeFailure(failure));
    } finally {
      setSending(false);
    }
  };

  return (
    <Card size="small" title={st('comments')}>
      {ticket.comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={st('none')} />
      ) : (
        <ol className="ticket-comments">
          {ticket.comments.map((comment) => {
            const name = authorName(comment.authorType, comment.authorId);
            return (
              <li
                key={comment.id}
                className={`ticket-comment${comment.internal ? ' ticket-comment--internal' : ''}`}
              >
                <Avatar size="small">{name.slice(0, 1)}</Avatar>
                <div className="ticket-comment-body">
                  <div className="ticket-comment-meta">
                    <strong>{name}</strong>
                    {comment.internal ? (
                      <Tag icon={<LockOutlined />} color="gold" bordered={false}>
                        {st('internalNote')}
                      </Tag>
                    ) : (
                      <Tag color="blue" bordered={false}>
                        {st('publicReply')}
                      </Tag>
                    )}
                    <span className="handoff-meta">{formatClock(comment.createdAt, locale)}</span>
                  </div>
                  <div className="ticket-comment-text">{comment.body}</div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div className={`ticket-composer ticket-composer--${mode}`}>
        <Segmented<CommentMode>
          size="small"
          value={mode}
          onChange={setMode}
          options={[
            { value: 'internal', label: st('internalNote') },
            { value: 'public', label: st('publicReply') },
          ]}
        />
        <Input.TextArea
          aria-label={st('comments')}
          autoSize={{ minRows: 2, maxRows: 6 }}
          value={body}
          placeholder={st('commentPlaceholder')}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void send();
          }}
        />
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={sending}
          disabled={!body.trim()}
          onClick={() => void send()}
        >
          {st('addComment')}
        </Button>
      </div>
    </Card>
  );
}
