// Typed calls of the trust APIs — the sites that embed the widget — over an agent client's session:
// `new KefuTrustApi(agentClient).getWidgetOrigins()`.
import type { KefuAgentClient } from './agentClient';
import { readStringList } from './agentServiceWire';
import { requireRecord } from './agentWire';

export interface WidgetOriginListing {
  /** From the server's configuration (`*`: every site); changed only there. */
  configured: '*' | string[];
  /** Added by an admin. */
  added: string[];
}

export class KefuTrustApi {
  constructor(private readonly client: Pick<KefuAgentClient, 'requestJson' | 'requestText'>) {}

  async getWidgetOrigins(): Promise<WidgetOriginListing> {
    return parseWidgetOrigins(await this.client.requestJson('GET', widgetOriginsPath));
  }

  async setWidgetOrigins(added: string[]): Promise<WidgetOriginListing> {
    return parseWidgetOrigins(await this.client.requestJson('PUT', widgetOriginsPath, { added }));
  }
}

const widgetOriginsPath = '/api/v1/admin/widget/origins';

function parseWidgetOrigins(body: unknown): WidgetOriginListing {
  const record = requireRecord(body);
  return {
    configured: record.configured === '*' ? '*' : readStringList(record, 'configured'),
    added: readStringList(record, 'added'),
  };
}
