import type { ChannelKind, ReplyChannel } from '@kefu/sdk';
import { KefuCustomerApi } from '@kefu/sdk';
import { Select, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { ChannelIcon } from '../common/ChannelIcon';
import { channelLabelKeys } from '../common/labels';
import { useI18n } from '../i18n/I18nContext';
import { formatWindowTime, useReplyChannelText } from './replyChannelText';

/**
 * The channels a reply may go out on in a conversation, reloaded when `refreshKey` changes (the shopper wrote
 * again, a reply was refused); `reload` reads them at once.
 */
export function useReplyChannels(conversationId: string, refreshKey: number) {
  const { client } = useSession();
  const api = useMemo(() => new KefuCustomerApi(client), [client]);
  const [channels, setChannels] = useState<ReplyChannel[]>([]);
  const reload = useCallback(
    () => void api.replyChannels(conversationId).then(setChannels, () => setChannels([])),
    [api, conversationId],
  );
  useEffect(reload, [reload, refreshKey]);
  return { channels, reload };
}

/** The channel a reply goes out on unless the agent picks another: the last used, else the first open one. */
export function defaultReplyChannel(channels: readonly ReplyChannel[]): ChannelKind | undefined {
  const open = channels.filter((channel) => channel.window.open);
  return (open.find((channel) => channel.isDefault) ?? open[0])?.channel;
}

/** A compact picker of the reply's channel (icon and name); a channel whose window has closed says why. */
export function ReplyChannelPicker({
  channels,
  value,
  onChange,
}: {
  channels: readonly ReplyChannel[];
  value: ChannelKind | undefined;
  onChange(channel: ChannelKind): void;
}) {
  const { t, locale } = useI18n();
  const text = useReplyChannelText();
  const describe = (option: ReplyChannel): string => {
    const channel = t(channelLabelKeys[option.channel]);
    const { window } = option;
    if (!window.open)
      return text('windowClosed', {
        channel,
        hours: window.windowHours ?? 0,
        time: window.closesAt ? formatWindowTime(window.closesAt, locale) : '',
      });
    if (window.closesAt) return text('closesAt', { time: formatWindowTime(window.closesAt, locale) });
    return option.isDefault ? text('lastUsed') : '';
  };
  return (
    <Select<ChannelKind>
      className="reply-channel-picker"
      size="small"
      aria-label={text('replyOn')}
      popupMatchSelectWidth={false}
      value={value}
      onChange={onChange}
      options={channels.map((option) => ({
        value: option.channel,
        disabled: !option.window.open,
        label: (
          <Tooltip title={describe(option) || undefined} placement="right">
            <span className="reply-channel-option" data-channel={option.channel}>
              <ChannelIcon channel={option.channel} /> {t(channelLabelKeys[option.channel])}
              {option.accountName && <span className="reply-channel-account"> · {option.accountName}</span>}
            </span>
          </Tooltip>
        ),
      }))}
    />
  );
}
