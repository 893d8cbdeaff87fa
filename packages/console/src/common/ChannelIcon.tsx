import {
  AppstoreAddOutlined,
  AppstoreOutlined,
  CustomerServiceOutlined,
  ApiOutlined,
  GlobalOutlined,
  MailOutlined,
  TelegramFilled,
  WechatOutlined,
  WeiboOutlined,
} from '@ant-design/icons';
import type { ChannelKind } from '@kefu/sdk';
import { Tooltip } from 'antd';
import { useI18n } from '../i18n/I18nContext';
import { channelLabelKeys } from './labels';

const icons: Record<ChannelKind, typeof GlobalOutlined> = {
  web: GlobalOutlined,
  app: AppstoreOutlined,
  wechat: WechatOutlined,
  wecom_kf: CustomerServiceOutlined,
  miniprogram: AppstoreAddOutlined,
  email: MailOutlined,
  webhook: ApiOutlined,
  telegram: TelegramFilled,
  weibo: WeiboOutlined,
};

const colors: Record<ChannelKind, string> = {
  web: '#1677ff',
  app: '#722ed1',
  wechat: '#07c160',
  wecom_kf: '#2b7de9',
  miniprogram: '#13c2c2',
  email: '#fa8c16',
  webhook: '#595959',
  telegram: '#229ed9',
  weibo: '#e6162d',
};

export function ChannelIcon({ channel }: { channel: ChannelKind }) {
  const { t } = useI18n();
  const Icon = icons[channel];
  const label = t(channelLabelKeys[channel]);
  return (
    <Tooltip title={label}>
      <Icon role="img" aria-label={label} style={{ color: colors[channel] }} />
    </Tooltip>
  );
}
