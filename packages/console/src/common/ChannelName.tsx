import type { ChannelKind } from '@kefu/sdk';
import { useI18n } from '../i18n/I18nContext';
import { ChannelIcon } from './ChannelIcon';
import { allChannels, channelLabelKeys } from './labels';

/** A channel as people read it: its icon and its name, never its code. */
export function ChannelName({ channel }: { channel: ChannelKind }) {
  const { t } = useI18n();
  return (
    <span className="channel-name" data-channel={channel}>
      <ChannelIcon channel={channel} /> {t(channelLabelKeys[channel])}
    </span>
  );
}

/** Every channel as a Select option shown by icon and name (filters, skills). */
export function useChannelOptions() {
  const { t } = useI18n();
  return allChannels.map((channel) => ({
    value: channel,
    label: <ChannelName channel={channel} />,
    // What a screen reader announces and a pointer shows for the option, since its label is not plain text.
    'aria-label': t(channelLabelKeys[channel]),
    title: t(channelLabelKeys[channel]),
  }));
}
