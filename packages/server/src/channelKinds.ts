import type { ChannelKind } from '@kefu/sdk';
import { channelKinds } from '@kefu/sdk';
import { z } from 'zod';

export type { ChannelKind } from '@kefu/sdk';

/** Every channel kind (the list lives in `@kefu/sdk`); schemas of the API and the store derive from it. */
export const channelKindSchema = z.enum(channelKinds);

/**
 * The kinds whose shoppers use the visitor API (a session token, the WebSocket): the web widget and apps
 * built on `@kefu/sdk`. Derived by type from the one list, so a kind that is not a channel does not compile.
 */
export const visitorChannelKinds = ['web', 'app'] as const satisfies readonly ChannelKind[];
export type VisitorChannelKind = (typeof visitorChannelKinds)[number];
export const visitorChannelKindSchema = z.enum(visitorChannelKinds);
