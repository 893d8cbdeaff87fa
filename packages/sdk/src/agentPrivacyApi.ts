// Typed calls of the privacy and audit APIs — reveal, a customer's data archive, erasure, the audit log — over
// an agent client's session: `new KefuPrivacyApi(agentClient).revealCustomer(id)`.
import type { KefuAgentClient } from './agentClient';
import type { CustomerProfile } from './agentTypes';
import { toQueryString } from './transport';
import { readNumberField, readStringField } from './agentServiceWire';
import { parseCustomerProfile, readField, readList, requireRecord } from './agentWire';

export interface AuditEntry {
  sequence: number;
  id: string;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

export type AuditFilter = {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  before?: number;
  limit?: number;
};

export interface AuditChainCheck {
  entries: number;
  valid: boolean;
  firstBrokenSequence: number | null;
}

export interface ErasureReport {
  messages: number;
  photos: number;
  identities: number;
  conversations: number;
  tickets: number;
}

export class KefuPrivacyApi {
  constructor(private readonly client: Pick<KefuAgentClient, 'requestJson' | 'requestText' | 'fetchFile'>) {}

  /** The customer's unmasked phone, e-mail and name (audited). */
  async revealCustomer(customerId: string): Promise<CustomerProfile> {
    const body = await this.client.requestJson('POST', `${customerPath(customerId)}/reveal`);
    return parseCustomerProfile(readField(body, 'customer'));
  }

  /** A tar archive: data.json, index.html and the shopper's photos (audited). */
  exportCustomer(customerId: string): Promise<Blob> {
    return this.client.fetchFile(`/api/v1/admin/customers/${encodeURIComponent(customerId)}/export`);
  }

  async eraseCustomer(customerId: string): Promise<ErasureReport> {
    const body = await this.client.requestJson(
      'POST',
      `/api/v1/admin/customers/${encodeURIComponent(customerId)}/erase`,
      {
        confirm: customerId,
      },
    );
    const erased = readField(body, 'erased');
    return {
      messages: readNumberField(erased, 'messages'),
      photos: readNumberField(erased, 'photos'),
      identities: readNumberField(erased, 'identities'),
      conversations: readNumberField(erased, 'conversations'),
      tickets: readNumberField(erased, 'tickets'),
    };
  }

  async listAudit(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    return readList(
      await this.client.requestJson('GET', `/api/v1/admin/audit${toQueryString(filter)}`),
      'entries',
      parseAuditEntry,
    );
  }

  /** The filtered log as CSV (or JSON), for a download (audited). */
  exportAudit(filter: AuditFilter, format: 'csv' | 'json'): Promise<Blob> {
    return this.client.fetchFile(`/api/v1/admin/audit/export${toQueryString({ ...filter, format })}`);
  }

  async verifyAudit(): Promise<AuditChainCheck> {
    const body = requireRecord(await this.client.requestJson('GET', '/api/v1/admin/audit/verify'));
    const broken = body.firstBrokenSequence;
    return {
      entries: readNumberField(body, 'entries'),
      valid: body.valid === true,
      firstBrokenSequence: typeof broken === 'number' ? broken : null,
    };
  }
}

function customerPath(customerId: string): string {
  return `/api/v1/agent/customers/${encodeURIComponent(customerId)}`;
}

function parseAuditEntry(value: unknown): AuditEntry {
  const record = requireRecord(value);
  const data = record.data;
  return {
    sequence: readNumberField(record, 'sequence'),
    id: readStringField(record, 'id'),
    actorType: readStringField(record, 'actorType'),
    actorId: typeof record.actorId === 'string' ? record.actorId : null,
    action: readStringField(record, 'action'),
    targetType: readStringField(record, 'targetType'),
    targetId: typeof record.targetId === 'string' ? record.targetId : null,
    data:
      typeof data === 'object' && data !== null && !Array.isArray(data)
        ? Object.fromEntries(Object.entries(data))
        : {},
    createdAt: readStringField(record, 'createdAt'),
  };
}
