// Typed calls of the access APIs — integrations' API tokens and agents' two-step verification — over an agent
// client's session: `new KefuAccessApi(agentClient).listApiTokens()`.
import type { KefuAgentClient } from './agentClient';
import { readNumberField, readStringField, readStringList } from './agentServiceWire';
import { readList, readNullableString, readString, readStringArray, requireRecord } from './agentWire';

export interface ApiToken {
  id: string;
  name: string;
  /** The public start of the secret, to recognise it; the secret itself is shown only when created. */
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface TwoFactorStatus {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

export interface TwoFactorEnrolment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

export interface TwoFactorOverview {
  /** `admin`, `supervisor`, `agent`, `analyst` or `custom:<role id>`. */
  requiredRoles: string[];
  enabledAgentIds: string[];
}

const tokensPath = '/api/v1/admin/api-tokens';

export class KefuAccessApi {
  constructor(private readonly client: Pick<KefuAgentClient, 'requestJson'>) {}

  async listApiTokens(): Promise<ApiToken[]> {
    return readList(await this.client.requestJson('GET', tokensPath), 'tokens', parseApiToken);
  }

  /** The new token and its secret, which is never shown again. */
  async createApiToken(input: {
    name: string;
    scopes: string[];
    expiresAt: string | null;
  }): Promise<{ token: ApiToken; secret: string }> {
    const body = requireRecord(await this.client.requestJson('POST', tokensPath, input));
    return { token: parseApiToken(body.token), secret: readString(body, 'secret') };
  }

  async revokeApiToken(tokenId: string): Promise<ApiToken> {
    const body = requireRecord(
      await this.client.requestJson('POST', `${tokensPath}/${encodeURIComponent(tokenId)}/revoke`),
    );
    return parseApiToken(body.token);
  }

  async twoFactorStatus(): Promise<TwoFactorStatus> {
    const body = requireRecord(await this.client.requestJson('GET', '/api/v1/auth/two-factor'));
    return {
      enabled: body.enabled === true,
      required: body.required === true,
      recoveryCodesLeft: readNumberField(body, 'recoveryCodesLeft'),
    };
  }

  async startTwoFactorEnrolment(): Promise<TwoFactorEnrolment> {
    const body = await this.client.requestJson('POST', '/api/v1/auth/two-factor/enrol');
    return {
      secret: readStringField(body, 'secret'),
      otpauthUri: readStringField(body, 'otpauthUri'),
      qrCodeDataUrl: readStringField(body, 'qrCodeDataUrl'),
    };
  }

  /** Turns two-step verification on; the recovery codes are shown this once. */
  async confirmTwoFactor(code: string): Promise<string[]> {
    return readStringList(
      await this.client.requestJson('POST', '/api/v1/auth/two-factor/confirm', { code }),
      'recoveryCodes',
    );
  }

  async twoFactorOverview(): Promise<TwoFactorOverview> {
    const body = await this.client.requestJson('GET', '/api/v1/admin/two-factor');
    return {
      requiredRoles: readStringList(body, 'requiredRoles'),
      enabledAgentIds: readStringList(body, 'enabledAgentIds'),
    };
  }

  async setTwoFactorRequiredRoles(roles: string[]): Promise<string[]> {
    const body = await this.client.requestJson('PUT', '/api/v1/admin/two-factor/required-roles', { roles });
    return readStringList(body, 'requiredRoles');
  }

  async resetTwoFactor(agentId: string): Promise<void> {
    await this.client.requestJson(
      'POST',
      `/api/v1/admin/agents/${encodeURIComponent(agentId)}/two-factor/reset`,
    );
  }
}

function parseApiToken(value: unknown): ApiToken {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    name: readString(record, 'name'),
    prefix: readString(record, 'prefix'),
    scopes: readStringArray(record, 'scopes'),
    createdBy: readString(record, 'createdBy'),
    createdAt: readString(record, 'createdAt'),
    expiresAt: readNullableString(record, 'expiresAt'),
    lastUsedAt: readNullableString(record, 'lastUsedAt'),
    revokedAt: readNullableString(record, 'revokedAt'),
  };
}
