// Typed calls of the phone-call API over an agent client's session: a customer's calls (from the call-center
// webhook or logged by agents) and logging one by hand. `new KefuCallsApi(agentClient).listCalls(customerId)`.
import type { KefuAgentClient } from './agentClient';
import { readNumberField, readStringField } from './agentServiceWire';
import { readList, readNullableString, requireRecord } from './agentWire';

export type CallDirection = 'inbound' | 'outbound';

export interface CallRecord {
  id: string;
  customerId: string;
  /** `webhook`: reported by the call-center system; `manual`: logged by an agent. */
  source: 'webhook' | 'manual';
  direction: CallDirection;
  /** Masked, e.g. 138****0101. */
  phone: string | null;
  startedAt: string;
  durationSeconds: number;
  recordingUrl: string | null;
  /** The call-center's transcript, or the agent's note. */
  transcript: string | null;
  loggedByAgentId: string | null;
}

export interface LogCallRequest {
  direction: CallDirection;
  startedAt: string;
  durationSeconds: number;
  /** Defaults to the customer's own number. */
  phone?: string;
  note?: string;
}

export class KefuCallsApi {
  constructor(private readonly client: Pick<KefuAgentClient, 'requestJson'>) {}

  /** Newest first. */
  async listCalls(customerId: string): Promise<CallRecord[]> {
    const body = await this.client.requestJson('GET', callsPath(customerId));
    return readList(body, 'calls', parseCallRecord);
  }

  async logCall(customerId: string, request: LogCallRequest): Promise<CallRecord> {
    return parseCallRecord(await this.client.requestJson('POST', callsPath(customerId), request));
  }
}

function callsPath(customerId: string): string {
  return `/api/v1/agent/customers/${encodeURIComponent(customerId)}/calls`;
}

export function parseCallRecord(value: unknown): CallRecord {
  const record = requireRecord(value);
  return {
    id: readStringField(record, 'id'),
    customerId: readStringField(record, 'customerId'),
    source: record.source === 'webhook' ? 'webhook' : 'manual',
    direction: record.direction === 'outbound' ? 'outbound' : 'inbound',
    phone: readNullableString(record, 'phone'),
    startedAt: readStringField(record, 'startedAt'),
    durationSeconds: readNumberField(record, 'durationSeconds'),
    recordingUrl: readNullableString(record, 'recordingUrl'),
    transcript: readNullableString(record, 'transcript'),
    loggedByAgentId: readNullableString(record, 'loggedByAgentId'),
  };
}
