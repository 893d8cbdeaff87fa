import type { SetupStepId } from '@kefu/sdk';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { AgentService } from '../agents';
import type { CommerceConnector } from '../commerce';
import { countOwnShopRecords } from '../commerce';
import { countConversationsOnChannel } from '../conversations';
import { countPublishedVersionsByPeople } from '../knowledge';
import type { routingSettingsSchema, SettingsStore } from '../routing';

export interface SetupStep {
  id: SetupStepId;
  done: boolean;
  /** What the data holds (agents, own products …), so the console can say "3 products imported". */
  count: number;
}

export interface SetupChecklist {
  steps: SetupStep[];
  complete: boolean;
}

export interface SetupChecklistSources {
  db: Db;
  clock: Clock;
  agents: AgentService;
  routingSettings: SettingsStore<typeof routingSettingsSchema>;
  connector: CommerceConnector;
  /** The sites allowed to embed the widget (the channels module's WidgetOrigins). */
  widgetOrigins: { list(): Promise<{ configured: '*' | string[]; added: string[] }> };
}

/**
 * A new shop's first-run checklist, read from the data itself (nothing is ticked by hand): colleagues invited,
 * business hours saved, an FAQ answer written or reviewed, own products and orders imported (or a shop system
 * connected), the shop's site allowed to embed the widget, and a shopper's first chat through the widget.
 */
export async function readSetupChecklist(sources: SetupChecklistSources): Promise<SetupChecklist> {
  const { db, clock, connector } = sources;
  const activeAgents = (await sources.agents.listAgents()).filter((agent) => agent.isActive).length;
  const ownShop =
    connector.kind === 'builtin' ? await countOwnShopRecords(db, clock.now()) : { products: 1, orders: 1 };
  const origins = await sources.widgetOrigins.list();
  const sites = origins.added.length + (origins.configured === '*' ? 0 : origins.configured.length);
  const widgetConversations = await countConversationsOnChannel(db, 'web');
  const faqAnswers = await countPublishedVersionsByPeople(db);
  const steps: SetupStep[] = [
    { id: 'agents', done: activeAgents > 1, count: activeAgents },
    { id: 'businessHours', done: await sources.routingSettings.isStored(), count: 0 },
    { id: 'faq', done: faqAnswers > 0, count: faqAnswers },
    { id: 'products', done: ownShop.products > 0, count: ownShop.products },
    { id: 'orders', done: ownShop.orders > 0, count: ownShop.orders },
    { id: 'channels', done: origins.added.length > 0 || origins.configured === '*', count: sites },
    { id: 'widget', done: widgetConversations > 0, count: widgetConversations },
  ];
  return { steps, complete: steps.every((step) => step.done) };
}
