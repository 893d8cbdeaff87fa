import { LogoutOutlined } from '@ant-design/icons';
import { Avatar, Button, Tag, Tooltip } from 'antd';
import { useSession, useSignedInAgent } from '../auth/SessionContext';
import { roleLabelKeys } from '../common/labels';
import { useI18n } from '../i18n/I18nContext';

/** The signed-in agent (name, role) and the sign-out button, at the end of every shell's header. */
export function ShellAccount() {
  const { t } = useI18n();
  const agent = useSignedInAgent();
  const { signOut } = useSession();
  return (
    <>
      <span className="shell-agent">
        <Avatar size="small" style={{ background: '#1677ff' }}>
          {agent.displayName.slice(0, 1)}
        </Avatar>
        <span className="shell-agent-name">{agent.displayName}</span>
        <Tag bordered={false}>{t(roleLabelKeys[agent.role])}</Tag>
      </span>
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
