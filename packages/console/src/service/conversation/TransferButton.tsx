import { SwapOutlined } from '@ant-design/icons';
import type { Conversation } from '@kefu/sdk';
import { App as AntApp, Badge, Button, Form, Input, Modal, Segmented, Select, Tooltip } from 'antd';
import { useState } from 'react';
import { useSignedInAgent } from '../../auth/SessionContext';
import { presenceColors } from '../../common/labels';
import { useInbox } from '../../inbox/InboxContext';
import { useService } from '../ServiceContext';
import { useServiceText } from '../serviceText';
import { useFailureText } from '../../common/failureText';

type TargetKind = 'agent' | 'team';

/** Transfer to a colleague (assigned at once, online only) or to a team (queued for it), with a note. */
export function TransferButton({ conversation }: { conversation: Conversation }) {
  const st = useServiceText();
  const self = useSignedInAgent();
  const { api, canManage, directory, reloadDirectory } = useService();
  const { upsertConversation } = useInbox();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<TargetKind>('agent');
  const [targetId, setTargetId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const isClosed = conversation.status === 'resolved' || conversation.status === 'closed';
  const mayTransfer = canManage || conversation.assigneeId === self.id;
  if (isClosed || !mayTransfer) return null;

  const agents = directory.agents
    .filter((colleague) => colleague.id !== self.id)
    .sort((first, second) => Number(second.presence === 'online') - Number(first.presence === 'online'));
  const submit = async () => {
    if (!targetId) return;
    setSaving(true);
    try {
      const trimmed = note.trim();
      const transferred = await api.transferConversation(conversation.id, {
        ...(kind === 'agent' ? { toAgentId: targetId } : { toTeamId: targetId }),
        ...(trimmed && { note: trimmed }),
      });
      upsertConversation(transferred);
      toast.success(st('transferDone'));
      setOpen(false);
      setNote('');
      setTargetId(null);
    } catch (failure) {
      toast.error(describeFailure(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Tooltip title={st('transfer')}>
        <Button
          icon={<SwapOutlined />}
          aria-label={st('transfer')}
          onClick={() => {
            reloadDirectory();
            setOpen(true);
          }}
        />
      </Tooltip>
      <Modal
        open={open}
        title={st('transferTitle')}
        okText={st('transfer')}
        cancelText={st('cancel')}
        onOk={() => void submit()}
        okButtonProps={{ disabled: !targetId, loading: saving }}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item>
            <Segmented<TargetKind>
              block
              value={kind}
              onChange={(value) => {
                setKind(value);
                setTargetId(null);
              }}
              options={[
                { value: 'agent', label: st('transferToAgent') },
                { value: 'team', label: st('transferToTeam') },
              ]}
            />
          </Form.Item>
          <Form.Item label={st('transferTarget')} htmlFor="transfer-target">
            <Select<string>
              id="transfer-target"
              showSearch
              optionFilterProp="title"
              value={targetId ?? undefined}
              onChange={setTargetId}
              options={
                kind === 'agent'
                  ? agents.map((colleague) => ({
                      value: colleague.id,
                      title: colleague.displayName,
                      disabled: colleague.presence !== 'online',
                      label: (
                        <Badge
                          color={presenceColors[colleague.presence]}
                          text={`${colleague.displayName}${colleague.presence === 'online' ? '' : st('offlineSuffix')}`}
                        />
                      ),
                    }))
                  : directory.teams.map((team) => ({ value: team.id, title: team.name, label: team.name }))
              }
            />
          </Form.Item>
          <Form.Item label={st('transferNote')} htmlFor="transfer-note">
            <Input.TextArea
              id="transfer-note"
              rows={3}
              maxLength={1000}
              value={note}
              placeholder={st('transferNotePlaceholder')}
              onChange={(event) => setNote(event.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
