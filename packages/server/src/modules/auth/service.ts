import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../clock';
import type { Db, DbExecutor } from '../../db/database';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import type { AgentService } from '../agents';
import { listTeamIdsOfAgent } from '../agents';
import { recordAudit } from '../audit';
import type { LoginAttemptKeys } from './loginThrottle';
import { LoginThrottle } from './loginThrottle';
import type { CustomRoles } from './customRoles';
import type { AuthenticatedAgent } from './permissions';
import * as sessionsRepo from './repo';

const sessionLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** Agent sign-in: opaque bearer tokens, stored only as SHA-256 hashes so a database leak yields no sessions. */
export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly db: Db,
    private readonly agents: AgentService,
    private readonly clock: Clock,
    private readonly roles: Pick<CustomRoles, 'permissionsOf'>,
  ) {
    this.throttle = new LoginThrottle(db, clock);
  }

  /**
   * Signs in, unless the account or the address is locked out; every success, failure and lock-out is in
   * the audit log with the address it came from.
   */
  async login(
    email: string,
    password: string,
    origin: { address: string },
  ): Promise<{ token: string; expiresAt: string; agent: AuthenticatedAgent }> {
    const keys = LoginThrottle.keysOf(email, origin.address);
    await this.throttle.assertNotLocked(keys);
    const profile = await this.agents.verifyCredentials(email, password).catch(async (error: unknown) => {
      if (error instanceof KefuError && error.code === 'invalid_credentials')
        await this.recordFailedLogin(email, keys, origin.address);
      throw error;
    });
    await this.throttle.recordSuccess(keys);
    const agent: AuthenticatedAgent = {
      id: profile.id,
      email: profile.email,
      displayName: profile.displayName,
      role: profile.role,
      permissions: await this.roles.permissionsOf(profile.role, profile.customRoleId),
      teamIds: await listTeamIdsOfAgent(this.db, profile.id),
    };
    const token = `kefu_${randomBytes(32).toString('base64url')}`;
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + sessionLifetimeMs).toISOString();
    await sessionsRepo.insertSession(this.db, {
      id: newId('ses'),
      agent_id: agent.id,
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    });
    await recordAudit(
      this.db,
      {
        actorType: 'agent',
        actorId: agent.id,
        action: 'auth.signed_in',
        targetType: 'agent',
        targetId: agent.id,
        data: { address: origin.address },
      },
      now,
    );
    return { token, expiresAt, agent };
  }

  private async recordFailedLogin(email: string, keys: LoginAttemptKeys, address: string): Promise<void> {
    const failure = await this.throttle.recordFailure(keys);
    const known = await this.agents.findAgentByEmail(email);
    // An unknown e-mail is not kept: people type their password into the e-mail field.
    const target = known
      ? { targetId: known.id, data: { address, email: known.email } }
      : { targetId: null, data: { address } };
    const now = this.clock.now();
    await recordAudit(
      this.db,
      {
        actorType: 'anonymous',
        actorId: null,
        action: 'auth.sign_in_failed',
        targetType: 'agent',
        ...target,
      },
      now,
    );
    if (failure.lockedUntil)
      await recordAudit(
        this.db,
        {
          actorType: 'system',
          actorId: null,
          action: 'auth.locked_out',
          targetType: 'agent',
          targetId: target.targetId,
          data: { ...target.data, lockedKey: failure.lockedKey, lockedUntil: failure.lockedUntil },
        },
        now,
      );
  }

  async authenticate(token: string): Promise<AuthenticatedAgent> {
    const agentId = await sessionsRepo.findAgentIdOfActiveSession(
      this.db,
      hashToken(token),
      this.clock.now().toISOString(),
    );
    const agent = agentId ? await this.agents.findActiveAgent(agentId) : null;
    if (!agent) throw new KefuError('invalid_token');
    return {
      id: agent.id,
      email: agent.email,
      displayName: agent.displayName,
      role: agent.role,
      permissions: await this.roles.permissionsOf(agent.role, agent.customRoleId),
      teamIds: await listTeamIdsOfAgent(this.db, agent.id),
    };
  }

  /** Ends every live session of an agent, inside the caller's transaction. */
  async endSessionsOf(trx: DbExecutor, agentId: string, now: string): Promise<void> {
    await sessionsRepo.revokeSessionsOfAgent(trx, agentId, now);
  }

  async logout(token: string): Promise<void> {
    await sessionsRepo.revokeSession(this.db, hashToken(token), this.clock.now().toISOString());
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
