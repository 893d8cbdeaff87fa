import assert from 'node:assert/strict';
import type { SendMessageResponse, VisitorSessionResponse } from '@kefu/sdk';
import { requestJson } from './http';
import type { TestServer } from './testServer';

export interface EntryBody {
  entry: {
    id: string;
    latestVersion: number;
    publishedVersion: number | null;
    latest: { version: number; status: string; authorId: string | null; reviewerId: string | null };
  };
}

/** A one-language FAQ content body for the admin API. */
export function faqContent(
  question: string,
  answer: string,
  options: { similar?: string[]; locale?: 'zh-CN' | 'en'; extra?: Record<string, unknown> } = {},
) {
  return {
    category: 'test',
    ...options.extra,
    locales: { [options.locale ?? 'zh-CN']: { question, similarQuestions: options.similar ?? [], answer } },
  };
}

/** Knowledge-test helpers bound to one server: agents, entries and a shopper. */
export function knowledgeClient(server: TestServer) {
  const call = <Body>(method: string, path: string, token: string, body?: unknown) =>
    requestJson<Body>(server.baseUrl, method, path, { token, body });
  let agentCount = 0;
  return {
    call,
    async createAgent(adminToken: string, role: 'agent' | 'supervisor' | 'admin') {
      agentCount += 1;
      const email = `${role}${agentCount}-${Date.now()}@kefu.test`;
      const created = await call<{ agent: { id: string } }>('POST', '/api/v1/admin/agents', adminToken, {
        email,
        displayName: email.split('@')[0],
        password: 'password-123',
        role,
      });
      assert.equal(created.status, 201);
      return { id: created.body.agent.id, token: await server.login(email, 'password-123') };
    },
    /** Creates, submits and approves an entry: author and reviewer must differ. */
    async publish(authorToken: string, reviewerToken: string, content: unknown, kind = 'faq') {
      const created = await call<EntryBody>('POST', '/api/v1/admin/knowledge/entries', authorToken, {
        kind,
        content,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.entry.id;
      assert.equal(
        (await call('POST', `/api/v1/admin/knowledge/entries/${id}/submit`, authorToken)).status,
        200,
      );
      const approved = await call<EntryBody>(
        'POST',
        `/api/v1/admin/knowledge/entries/${id}/approve`,
        reviewerToken,
      );
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      return id;
    },
    async startShopper(body: object = {}) {
      const session = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        {
          body,
        },
      );
      assert.equal(session.status, 201);
      return session.body;
    },
    async say(token: string, text: string) {
      const sent = await requestJson<SendMessageResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/messages',
        {
          token,
          body: { text },
        },
      );
      assert.equal(sent.status, 201);
      return sent.body;
    },
  };
}
