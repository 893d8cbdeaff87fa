import type { ChannelAdapter } from './channelAdapter';
import type { ChannelKind } from './channelKind';
import { createUnconnectedChannelAdapter } from './unconnected/unconnectedChannelAdapter';
import type { VisitorChannelSettings } from './web/visitorChannelAdapter';
import { VisitorChannelAdapter } from './web/visitorChannelAdapter';

/** One adapter per kind: a kind added to the list does not compile until it has an entry here. */
export type ChannelRegistry = Readonly<Record<ChannelKind, ChannelAdapter>>;

/**
 * The adapters of this deployment. `connected` replaces the entry of a kind (a deployment's own adapter, or a
 * test's loopback platform); each adapter must say it is of the kind it is registered under.
 */
export function createChannelRegistry(
  visitor: VisitorChannelSettings,
  connected: Partial<ChannelRegistry> = {},
): ChannelRegistry {
  const registry: ChannelRegistry = {
    web: new VisitorChannelAdapter('web', visitor),
    app: new VisitorChannelAdapter('app', visitor),
    wechat: createUnconnectedChannelAdapter('wechat'),
    email: createUnconnectedChannelAdapter('email'),
    webhook: createUnconnectedChannelAdapter('webhook'),
    ...connected,
  };
  for (const [kind, adapter] of Object.entries(registry))
    if (adapter.kind !== kind)
      throw new Error(`The adapter registered for ${kind} is a ${adapter.kind} adapter`);
  return registry;
}
