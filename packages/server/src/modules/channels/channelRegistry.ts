import type { Clock } from '../../clock';
import type { ChannelAdapter } from './channelAdapter';
import type { ChannelConfig } from './channelConfig';
import type { ChannelKind } from '../../channelKinds';
import { createUnconnectedChannelAdapter } from './unconnected/unconnectedChannelAdapter';
import type { VisitorChannelSettings } from './web/visitorChannelAdapter';
import { VisitorChannelAdapter } from './web/visitorChannelAdapter';
import { WebhookChannelAdapter } from './webhook/webhookChannelAdapter';

/** One adapter per kind: a kind added to the list does not compile until it has an entry here. */
export type ChannelRegistry = Readonly<Record<ChannelKind, ChannelAdapter>>;

export interface ChannelRegistrySettings {
  visitor: VisitorChannelSettings;
  config: ChannelConfig;
  clock: Clock;
}

/**
 * The adapters of this deployment. `connected` replaces the entry of a kind (a deployment's own adapter, or a
 * test's loopback platform); each adapter must say it is of the kind it is registered under.
 */
export function createChannelRegistry(
  settings: ChannelRegistrySettings,
  connected: Partial<ChannelRegistry> = {},
): ChannelRegistry {
  const { webhook } = settings.config;
  const registry: ChannelRegistry = {
    web: new VisitorChannelAdapter('web', settings.visitor),
    app: new VisitorChannelAdapter('app', settings.visitor),
    wechat: createUnconnectedChannelAdapter('wechat'),
    wecom_kf: createUnconnectedChannelAdapter('wecom_kf'),
    miniprogram: createUnconnectedChannelAdapter('miniprogram'),
    email: createUnconnectedChannelAdapter('email'),
    telegram: createUnconnectedChannelAdapter('telegram'),
    weibo: createUnconnectedChannelAdapter('weibo'),
    webhook: webhook
      ? new WebhookChannelAdapter({ ...webhook, clock: settings.clock })
      : createUnconnectedChannelAdapter('webhook'),
    ...connected,
  };
  for (const [kind, adapter] of Object.entries(registry))
    if (adapter.kind !== kind)
      throw new Error(`The adapter registered for ${kind} is a ${adapter.kind} adapter`);
  return registry;
}
