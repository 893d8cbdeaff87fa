// The live console in headless Chromium: an agent is present only while their console is open (closing the
// tab takes them offline after the grace period, and routing passes them by), and the shopper hears that a
// person joined only once the agent opened the conversation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { KefuVisitorClient } from '@kefu/sdk';
import type { KefuAgentClient } from '@kefu/sdk';
import { waitUntil } from '../../server/test/helpers/waitUntil';
import {
  browserWaitMs,
  createAccount,
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  type ConsoleHarness,
} from './consoleBrowser';

let harness: ConsoleHarness | undefined;

before(async () => {
  if (skipReason) return;
  harness = await startConsoleHarness({ environment: { KEFU_PRESENCE_GRACE_MS: '500' } });
});
after(async () => harness?.close());

test(
  'the shopper hears a person joined only when the agent opens it; closing the tab takes the agent offline',
  { skip: skipReason, timeout: 240_000 },
  async () => {
    const current = requireHarness();
    const account = await createAccount(current, 'agent', '王主管');
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, account);
    const agentId = await agentIdOf(current.admin, account.email);
    await waitUntil(async () => (await presenceOf(current.admin, agentId)) === 'online', {
      timeoutMs: browserWaitMs,
      description: 'online with the console open',
    });

    const shopper = new KefuVisitorClient({
      baseUrl: current.server.baseUrl,
      name: '陈女士',
      locale: 'zh-CN',
      WebSocket,
    });
    await shopper.sendMessage('转人工');
    const conversationId = shopper.session?.conversationId ?? '';
    await waitUntil(
      async () => (await current.admin.getConversation(conversationId)).assigneeId === agentId,
      {
        timeoutMs: browserWaitMs,
        description: 'the handoff goes to the agent whose console is open',
      },
    );
    const joined = async () => (await shopper.listMessages()).some((message) => /已接入/.test(message.text));
    assert.equal(await joined(), false, 'the shopper was told before the agent looked');

    await page.locator('.inbox-row', { hasText: '陈女士' }).click();
    await waitUntil(joined, { timeoutMs: browserWaitMs, description: 'told once the agent opened it' });
    await screenshot(page, 'console-live-opened.png');
    assert.deepEqual(pageErrors, []);

    await context.close();
    await waitUntil(async () => (await presenceOf(current.admin, agentId)) === 'offline', {
      timeoutMs: browserWaitMs,
      description: 'offline once the tab is closed and the grace period passed',
    });
    const next = new KefuVisitorClient({
      baseUrl: current.server.baseUrl,
      name: '李先生',
      locale: 'zh-CN',
      WebSocket,
    });
    await next.sendMessage('转人工');
    const nextId = next.session?.conversationId ?? '';
    await waitUntil(async () => (await current.admin.getConversation(nextId)).status === 'queued', {
      timeoutMs: browserWaitMs,
      description: 'the new handoff waits in the queue',
    });
    assert.equal(
      (await current.admin.getConversation(nextId)).assigneeId,
      null,
      'assigned to an absent agent',
    );
  },
);

async function agentIdOf(admin: KefuAgentClient, email: string): Promise<string> {
  const agent = (await admin.listAgents()).find((candidate) => candidate.email === email);
  assert.ok(agent);
  return agent.id;
}

async function presenceOf(admin: KefuAgentClient, agentId: string): Promise<string | undefined> {
  return (await admin.listAgents()).find((agent) => agent.id === agentId)?.presence;
}

function requireHarness(): ConsoleHarness {
  assert.ok(harness, 'the harness starts before the tests');
  return harness;
}
