// Typed calls of the trust APIs — the sites that embed the widget, roles and agents' access — over an agent
// client's session: `new KefuTrustApi(agentClient).getWidgetOrigins()`.
import type { KefuAgentClient } from './agentClient';
import type { AgentProfile } from './agentTypes';
import { readStringField, readStringList } from './agentServiceWire';
import { parseAgentProfile, readField, readList, requireRecord } from './agentWire';
import type { AgentRole } from './types';

export interface CustomRole {
  id: string;
  name: string;
  permissions: string[];
  createdAt: string;
  updatedAt: string;
}

export interface RoleListing {
  /** Every named permission, for building a custom role. */
  permissions: string[];
  builtIn: { role: string; permissions: string[] }[];
  custom: CustomRole[];
}

export interface AgentAccessChange {
  role?: AgentRole;
  customRoleId?: string | null;
  isActive?: boolean;
}

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

  async listRoles(): Promise<RoleListing> {
    const body = requireRecord(await this.client.requestJson('GET', rolesPath));
    return {
      permissions: readStringList(body, 'permissions'),
      builtIn: readList(body, 'builtIn', (entry) => ({
        role: readStringField(entry, 'role'),
        permissions: readStringList(entry, 'permissions'),
      })),
      custom: readList(body, 'custom', parseCustomRole),
    };
  }

  async createRole(input: { name: string; permissions: string[] }): Promise<CustomRole> {
    return parseCustomRole(readField(await this.client.requestJson('POST', rolesPath, input), 'role'));
  }

  async updateRole(roleId: string, input: { name: string; permissions: string[] }): Promise<CustomRole> {
    const body = await this.client.requestJson('PUT', `${rolesPath}/${encodeURIComponent(roleId)}`, input);
    return parseCustomRole(readField(body, 'role'));
  }

  async deleteRole(roleId: string): Promise<void> {
    await this.client.requestText('DELETE', `${rolesPath}/${encodeURIComponent(roleId)}`);
  }

  /** Changes an agent's role or deactivates them; their sessions end. */
  async changeAgentAccess(agentId: string, change: AgentAccessChange): Promise<AgentProfile> {
    const body = await this.client.requestJson(
      'PATCH',
      `/api/v1/admin/agents/${encodeURIComponent(agentId)}`,
      change,
    );
    return parseAgentProfile(readField(body, 'agent'));
  }
}

const rolesPath = '/api/v1/admin/roles';

function parseCustomRole(value: unknown): CustomRole {
  const record = requireRecord(value);
  return {
    id: readStringField(record, 'id'),
    name: readStringField(record, 'name'),
    permissions: readStringList(record, 'permissions'),
    createdAt: readStringField(record, 'createdAt'),
    updatedAt: readStringField(record, 'updatedAt'),
  };
}

const widgetOriginsPath = '/api/v1/admin/widget/origins';

function parseWidgetOrigins(body: unknown): WidgetOriginListing {
  const record = requireRecord(body);
  return {
    configured: record.configured === '*' ? '*' : readStringList(record, 'configured'),
    added: readStringList(record, 'added'),
  };
}
