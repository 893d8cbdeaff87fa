// Typed calls of the intent training API over an agent client's session: `new KefuIntentsApi(agentClient)`.
import type { KefuAgentClient } from './agentClient';
import {
  readEnum,
  readField,
  readList,
  readNullableString,
  readNumber,
  readString,
  requireRecord,
} from './agentWire';

export interface IntentExampleEntry {
  id: string;
  intent: string;
  text: string;
  source: 'merchant' | 'missed_message';
}

export interface IntentModelVersion {
  id: string;
  version: number;
  status: 'training' | 'ready' | 'failed';
  /** 0–100 while training. */
  progress: number;
  shopExampleCount: number;
  heldoutSize: number | null;
  /** Held-out accuracy (0–1) of the model the bot used when this one was trained, and of this one. */
  accuracyBefore: number | null;
  accuracyAfter: number | null;
  active: boolean;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  promotedAt: string | null;
}

/** A recent shopper message the bot did not understand (fallback reply, `unknown` or a low-confidence intent). */
export interface MissedMessage {
  messageId: string;
  conversationId: string;
  text: string;
  /** What the bot understood and how sure it was. */
  intent: string;
  confidence: number;
  /** True when the bot answered with its fallback ("I did not understand"). */
  fellBack: boolean;
  createdAt: string;
}

const base = '/api/v1/admin/intents';

export class KefuIntentsApi {
  constructor(private readonly client: Pick<KefuAgentClient, 'requestJson' | 'requestText'>) {}

  async listIntents(): Promise<{ id: string; examples: IntentExampleEntry[] }[]> {
    return readList(await this.client.requestJson('GET', base), 'intents', (value) => {
      const record = requireRecord(value);
      return { id: readString(record, 'id'), examples: readList(record, 'examples', parseExample) };
    });
  }

  async addExample(intent: string, text: string, messageId?: string): Promise<IntentExampleEntry> {
    const body = { text, ...(messageId && { messageId }) };
    const created = await this.client.requestJson(
      'POST',
      `${base}/${encodeURIComponent(intent)}/examples`,
      body,
    );
    return parseExample(readField(created, 'example'));
  }

  async updateExample(id: string, change: { text?: string; intent?: string }): Promise<IntentExampleEntry> {
    const body = await this.client.requestJson('PATCH', `${base}/examples/${encodeURIComponent(id)}`, change);
    return parseExample(readField(body, 'example'));
  }

  async removeExample(id: string): Promise<void> {
    await this.client.requestText('DELETE', `${base}/examples/${encodeURIComponent(id)}`);
  }

  async listModels(): Promise<{ models: IntentModelVersion[]; activeModelId: string | null }> {
    const body = await this.client.requestJson('GET', `${base}/models`);
    return {
      models: readList(body, 'models', parseVersion),
      activeModelId: readNullableString(requireRecord(body), 'activeModelId'),
    };
  }

  async startTraining(): Promise<IntentModelVersion> {
    return parseVersion(readField(await this.client.requestJson('POST', `${base}/models`), 'model'));
  }

  async promote(modelId: string): Promise<IntentModelVersion> {
    const body = await this.client.requestJson(
      'POST',
      `${base}/models/${encodeURIComponent(modelId)}/promote`,
    );
    return parseVersion(readField(body, 'model'));
  }

  async rollBack(): Promise<void> {
    await this.client.requestJson('POST', `${base}/models/roll-back`);
  }

  async listMisses(): Promise<MissedMessage[]> {
    return readList(await this.client.requestJson('GET', `${base}/misses`), 'misses', (value) => {
      const record = requireRecord(value);
      return {
        messageId: readString(record, 'messageId'),
        conversationId: readString(record, 'conversationId'),
        text: readString(record, 'text'),
        intent: readString(record, 'intent'),
        confidence: readNumber(record, 'confidence'),
        fellBack: record.fellBack === true,
        createdAt: readString(record, 'createdAt'),
      };
    });
  }
}

function parseExample(value: unknown): IntentExampleEntry {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    intent: readString(record, 'intent'),
    text: readString(record, 'text'),
    source: readEnum(record.source, ['merchant', 'missed_message']),
  };
}

function parseVersion(value: unknown): IntentModelVersion {
  const record = requireRecord(value);
  const nullableNumber = (key: string): number | null =>
    record[key] === null ? null : readNumber(record, key);
  return {
    id: readString(record, 'id'),
    version: readNumber(record, 'version'),
    status: readEnum(record.status, ['training', 'ready', 'failed']),
    progress: readNumber(record, 'progress'),
    shopExampleCount: readNumber(record, 'shopExampleCount'),
    heldoutSize: nullableNumber('heldoutSize'),
    accuracyBefore: nullableNumber('accuracyBefore'),
    accuracyAfter: nullableNumber('accuracyAfter'),
    active: record.active === true,
    error: readNullableString(record, 'error'),
    createdAt: readString(record, 'createdAt'),
    finishedAt: readNullableString(record, 'finishedAt'),
    promotedAt: readNullableString(record, 'promotedAt'),
  };
}
