import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Message } from '@kefu/sdk';
import { KefuAgentClient, KefuServiceApi, KefuVisitorClient } from '@kefu/sdk';
import { buildApp } from '../../packages/server/src/app';
import { ManualClock } from '../../packages/server/src/clock';
import { loadConfig } from '../../packages/server/src/config';
import type { CommerceConnector } from '../../packages/server/src/modules/commerce/connector';
import type {
  ConversationRecord,
  OrderSnapshot,
  Priority,
  ReplyRecord,
  TurnRecord,
} from './checks/checkTypes';
import type { Scenario } from './scenarioFile';
import { sessionLocaleOf } from './scenarioFile';
import { secondsBetweenMessages } from './scenarioClock';

const adminEmail = 'eval-admin@example.com';
const adminPassword = 'scenario runner password';

export interface ReplayOptions {
  /** The moment the conversation starts (the server clock); see scenarioClock.ts. */
  startAt: Date;
  /** Orders whose state in the shop is read after the conversation. */
  orderNumbers: readonly string[];
}

/**
 * Replays one scenario against a Kefu of its own: a throw-away SQLite data directory with the demo shop
 * seeded at `startAt`, so no scenario sees what another changed in the shop (a cancelled order, a new
 * address) and `--only` gives the same verdicts as a full run. The shopper talks through the visitor API
 * with the SDK client, as the widget does; the outcome is read through the agent API as the admin.
 */
export async function replayScenario(
  scenario: Scenario,
  options: ReplayOptions,
): Promise<ConversationRecord> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kefu-scenario-'));
  const clock = new ManualClock(options.startAt);
  const config = loadConfig({
    KEFU_DATA_DIR: dataDir,
    KEFU_ADMIN_EMAIL: adminEmail,
    KEFU_ADMIN_PASSWORD: adminPassword,
    LOG_LEVEL: 'silent',
  });
  const kefu = await buildApp(config, { logger: false, clock, routingTimers: false });
  try {
    await kefu.app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = serverUrl(kefu.app.server.address());
    const connector = kefu.services.commerce.connector;
    const returnsBefore = await listReturnNumbers(connector, options.orderNumbers);
    const visitor = new KefuVisitorClient({
      baseUrl,
      locale: sessionLocaleOf(scenario.lang),
      ...(scenario.page && { page: scenario.page }),
    });
    const session = await visitor.startSession();
    const turns = await sendTurns(visitor, scenario.turns, clock);
    const outcome = await readOutcome(baseUrl, session.conversationId);
    const orders = await snapshotOrders(connector, options.orderNumbers, returnsBefore);
    return { language: scenario.lang, turns, ...outcome, orders };
  } finally {
    await kefu.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Sends the shopper's messages one by one; each turn gets every message Kefu stored after it. */
async function sendTurns(
  visitor: KefuVisitorClient,
  texts: readonly string[],
  clock: ManualClock,
): Promise<TurnRecord[]> {
  const seen = new Set((await visitor.listMessages()).map((message) => message.id));
  const turns: TurnRecord[] = [];
  for (const text of texts) {
    clock.advance(secondsBetweenMessages * 1000);
    await visitor.sendMessage(text);
    const fresh = (await visitor.listMessages()).filter((message) => !seen.has(message.id));
    for (const message of fresh) seen.add(message.id);
    turns.push({ shopper: text, replies: fresh.flatMap(toReply) });
  }
  return turns;
}

function toReply(message: Message): ReplyRecord[] {
  if (message.sender === 'customer') return [];
  return [
    {
      sender: message.sender,
      text: message.text,
      quickReplies: message.quickReplies.map((reply) => reply.label),
    },
  ];
}

async function readOutcome(
  baseUrl: string,
  conversationId: string,
): Promise<{ status: string; priority: Priority; handedOff: boolean; summary: string | null }> {
  const agent = new KefuAgentClient({ baseUrl });
  await agent.login(adminEmail, adminPassword);
  const conversation = await agent.getConversation(conversationId);
  const summary = await new KefuServiceApi(agent).getHandoffSummary(conversationId);
  // A stored handoff has a reason; the summary of a conversation never handed off says 'none'.
  const handedOff =
    conversation.status === 'queued' || conversation.status === 'assigned' || summary.reason !== 'none';
  return {
    status: conversation.status,
    priority: conversation.priority,
    handedOff,
    summary: handedOff ? JSON.stringify(summary) : null,
  };
}

async function listReturnNumbers(
  connector: CommerceConnector,
  orderNumbers: readonly string[],
): Promise<Set<string>> {
  const numbers = new Set<string>();
  for (const orderNumber of orderNumbers) {
    const returns = await connector.listReturns(orderNumber);
    if (returns.ok) for (const entry of returns.value) numbers.add(entry.returnNumber);
  }
  return numbers;
}

async function snapshotOrders(
  connector: CommerceConnector,
  orderNumbers: readonly string[],
  returnsBefore: Set<string>,
): Promise<Record<string, OrderSnapshot>> {
  const snapshots: Record<string, OrderSnapshot> = {};
  for (const orderNumber of orderNumbers) {
    const order = await connector.getOrder(orderNumber);
    if (!order.ok) continue;
    const returns = await connector.listReturns(orderNumber);
    const address = order.value.shippingAddress;
    snapshots[orderNumber] = {
      status: order.value.status,
      address: `${address.province}${address.city}${address.district}${address.line}`.replace(/\s+/g, ''),
      invoiceTitle: order.value.invoice?.title ?? null,
      returnKinds: returns.ok
        ? returns.value.filter((entry) => !returnsBefore.has(entry.returnNumber)).map((entry) => entry.kind)
        : [],
    };
  }
  return snapshots;
}

function serverUrl(address: AddressInfo | string | null): string {
  if (!address || typeof address === 'string') throw new Error('Kefu is not listening on a TCP port');
  return `http://127.0.0.1:${address.port}`;
}
