// Typed calls of the canned replies API over an agent client's session: `new KefuCannedApi(agentClient)`.
import type { KefuAgentClient } from './agentClient';
import { readField, readList, readNullableString, readNumber, readString, requireRecord } from './agentWire';

export interface CannedReply {
  id: string;
  scope: 'personal' | 'team';
  teamId: string | null;
  category: string;
  shortcut: string;
  title: string;
  text: string;
}

export interface CannedReplyInput {
  scope: 'personal' | 'team';
  teamId?: string | null;
  category?: string;
  shortcut: string;
  title?: string;
  text: string;
}

export interface CannedImportReport {
  created: number;
  skipped: number;
  errors: { row: number; message: string }[];
}

const base = '/api/v1/agent/canned-replies';

export class KefuCannedApi {
  constructor(private readonly client: Pick<KefuAgentClient, 'requestJson' | 'requestText'>) {}

  async list(query: { q?: string; category?: string } = {}): Promise<CannedReply[]> {
    const search = new URLSearchParams();
    if (query.q) search.set('q', query.q);
    if (query.category) search.set('category', query.category);
    const suffix = search.size > 0 ? `?${search.toString()}` : '';
    return readList(await this.client.requestJson('GET', `${base}${suffix}`), 'replies', parseCannedReply);
  }

  async create(input: CannedReplyInput): Promise<CannedReply> {
    return parseCannedReply(readField(await this.client.requestJson('POST', base, input), 'reply'));
  }

  async update(id: string, patch: Partial<Omit<CannedReplyInput, 'scope' | 'teamId'>>): Promise<CannedReply> {
    const body = await this.client.requestJson('PATCH', `${base}/${encodeURIComponent(id)}`, patch);
    return parseCannedReply(readField(body, 'reply'));
  }

  async remove(id: string): Promise<void> {
    await this.client.requestText('DELETE', `${base}/${encodeURIComponent(id)}`);
  }

  /** The text with the conversation's customer name, order number and the agent's name filled in. */
  async render(id: string, conversationId: string): Promise<string> {
    const body = await this.client.requestJson('POST', `${base}/${encodeURIComponent(id)}/render`, {
      conversationId,
    });
    return readString(requireRecord(body), 'text');
  }

  exportFile(format: 'csv' | 'json'): Promise<string> {
    return this.client.requestText('GET', `${base}/export?format=${format}`);
  }

  async importFile(request: {
    format: 'csv' | 'json';
    content: string;
    scope: 'personal' | 'team';
    teamId?: string | null;
  }): Promise<CannedImportReport> {
    const body = requireRecord(await this.client.requestJson('POST', `${base}/import`, request));
    return {
      created: readNumber(body, 'created'),
      skipped: readList(body, 'skipped', () => null).length,
      errors: readList(body, 'errors', (item) => {
        const error = requireRecord(item);
        return { row: readNumber(error, 'row'), message: readString(error, 'message') };
      }),
    };
  }
}

function parseCannedReply(value: unknown): CannedReply {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    scope: record.scope === 'team' ? 'team' : 'personal',
    teamId: readNullableString(record, 'teamId'),
    category: readString(record, 'category'),
    shortcut: readString(record, 'shortcut'),
    title: readString(record, 'title'),
    text: readString(record, 'text'),
  };
}
