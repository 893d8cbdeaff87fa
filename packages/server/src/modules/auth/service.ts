import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import * as agentsRepo from '../agents/repo';
import { listTeamIdsOfAgent } from '../agents/routingRepo';
import type { AgentService } from '../agents/service';
import { agentRoleSchema } from '../agents/service';
import type { AuthenticatedAgent } from './permissions';

const sessionLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** Agent sign-in: opaque bearer tokens, stored only as SHA-256 hashes so a database leak yields no sessions. */
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly agents: AgentService,
    private readonly clock: Clock,
  ) {}

  async login(
    email: string,
    password: string,
  ): Promise<{ token: string; expiresAt: string; agent: AuthenticatedAgent }> {
    const profile = await this.agents.verifyCredentials(email, password);
    const agent: AuthenticatedAgent = {
      id: profile.id,
      email: profile.email,
      displayName: profile.displayName,
      role: profile.role,
      teamIds: await listTeamIdsOfAgent(this.db, profile.id),
    };
    const token = `kefu_${randomBytes(32).toString('base64url')}`;
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + sessionLifetimeMs).toISOString();
    await agentsRepo.insertSession(this.db, {
      id: newId('ses'),
      agent_id: agent.id,
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    });
    return { token, expiresAt, agent };
  }

  async authenticate(token: string): Promise<AuthenticatedAgent> {
    const row = await agentsRepo.findActiveSessionWithAgent(
      this.db,
      hashToken(token),
      this.clock.now().toISOString(),
    );
    if (!row || row.is_active !== 1) throw new KefuError('invalid_token');
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: agentRoleSchema.parse(row.role),
      teamIds: await listTeamIdsOfAgent(this.db, row.id),
    };
  }

  async logout(token: string): Promise<void> {
    await agentsRepo.revokeSession(this.db, hashToken(token), this.clock.now().toISOString());
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
