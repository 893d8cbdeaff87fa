import { LogoutOutlined } from '@ant-design/icons';
import { Avatar, Button, Modal, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useAccessText } from '../access/accessText';
import { TwoFactorSetup } from '../access/TwoFactorSetup';
import { useSession, useSignedInAgent } from '../auth/SessionContext';
import { roleLabelKeys } from '../common/labels';
import { useI18n } from '../i18n/I18nContext';

/** The signed-in agent (name, role), their two-step verification and sign-out, at the end of every shell's header. */
export function ShellAccount() {
  const { t } = useI18n();
  const agent = useSignedInAgent();
  const { signOut } = useSession();
  const text = useAccessText();
  const [securityOpen, setSecurityOpen] = useState(false);
  return (
    <>
      <Modal
        open={securityOpen}
        title={text('twoFactorTitle')}
        footer={null}
        destroyOnHidden
        onCancel={() => setSecurityOpen(false)}
      >
        <TwoFactorSetup onDone={() => setSecurityOpen(false)} />
      </Modal>
      <Tooltip title={text('twoFactorOpen')}>
        <button
          type="button"
          className="shell-agent link-button"
          aria-label={text('twoFactorOpen')}
          onClick={() => setSecurityOpen(true)}
        >
          <Avatar size="small" style={{ background: '#1677ff' }}>
            {agent.displayName.slice(0, 1)}
          </Avatar>
          <span className="shell-agent-name">{agent.displayName}</span>
          <Tag bordered={false}>{t(roleLabelKeys[agent.role])}</Tag>
        </button>
      </Tooltip>
      <Tooltip title={t('signOut')}>
        <Button
          type="text"
          className="shell-icon-button"
          icon={<LogoutOutlined />}
          aria-label={t('signOut')}
          onClick={() => void signOut()}
        />
      </Tooltip>
    </>
  );
}
