import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock';
import type { Db, DbExecutor } from '../../db/database';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import type { AgentIdentity, AgentService } from '../agents';
import { listTeamIdsOfAgent } from '../agents';
import { recordAudit } from '../audit';
import { apiTokenPrefix } from './apiTokens';
import type { ApiTokens } from './apiTokens';
import { LoginThrottle } from './loginThrottle';
import type { CustomRoles } from './customRoles';
import type { AuthenticatedAgent } from './permissions';
import { hashSecret } from './secretHash';
import * as sessionsRepo from './repo';
import { recordFailedSignIn } from './signInAudit';
import type { SecondFactor, TwoFactor } from './twoFactor';

const sessionLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export interface AgentSession {
  token: string;
  expiresAt: string;
  agent: AuthenticatedAgent;
}

/** A right password of an agent with two-factor: the code is asked for with this challenge. */
export interface SignInChallenge {
  challenge: string;
  challengeExpiresAt: string;
}

interface SignInOrigin {
  address: string;
}

/**
 * Agent sign-in: opaque bearer tokens, stored only as SHA-256 hashes so a database leak yields no sessions.
 * Agents with two-factor sign in in two steps; integrations' API tokens are checked here too.
 */
export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly db: Db,
    private readonly agents: AgentService,
    private readonly clock: Clock,
    private readonly roles: Pick<CustomRoles, 'permissionsOf'>,
    private readonly apiTokens: ApiTokens,
    private readonly twoFactor: TwoFactor,
  ) {
    this.throttle = new LoginThrottle(db, clock);
  }

  /**
   * Signs in, unless the account or the address is locked out; every success, failure and lock-out is in
   * the audit log with the address it came from. With two-factor on, a right password gives a challenge.
   */
  async login(
    email: string,
    password: string,
    origin: SignInOrigin,
  ): Promise<AgentSession | SignInChallenge> {
    const keys = LoginThrottle.keysOf(email, origin.address);
    await this.throttle.assertNotLocked(keys);
    const profile = await this.agents.verifyCredentials(email, password).catch(async (error: unknown) => {
      if (error instanceof KefuError && error.code === 'invalid_credentials')
        await this.recordFailure(email, origin.address, 'password');
      throw error;
    });
    // The failure count is cleared only after the second step, so a known password does not reset the
    // count of wrong codes.
    if (await this.twoFactor.isEnabled(profile.id)) {
      const { challenge, expiresAt } = await this.twoFactor.issueChallenge(profile.id);
      return { challenge, challengeExpiresAt: expiresAt };
    }
    await this.throttle.recordSuccess(keys);
    return this.startSession(profile, origin);
  }

  /** The second step: a code from the agent's app (or a recovery code) for a live challenge. */
  async completeLogin(challenge: string, factor: SecondFactor, origin: SignInOrigin): Promise<AgentSession> {
    const agentId = await this.twoFactor.agentOfChallenge(challenge);
    const profile = await this.agents.findActiveAgent(agentId);
    if (!profile) throw new KefuError('two_factor_challenge_invalid');
    const keys = LoginThrottle.keysOf(profile.email, origin.address);
    await this.throttle.assertNotLocked(keys);
    if (!(await this.twoFactor.passSecondStep(agentId, challenge, factor))) {
      await this.recordFailure(profile.email, origin.address, 'two_factor');
      throw new KefuError('two_factor_invalid_code');
    }
    await this.throttle.recordSuccess(keys);
    return this.startSession(profile, origin, 'code' in factor ? 'totp' : 'recovery_code');
  }

  async authenticate(token: string): Promise<AuthenticatedAgent> {
    if (token.startsWith(apiTokenPrefix)) return this.authenticateApiToken(token);
    const agentId = await sessionsRepo.findAgentIdOfActiveSession(
      this.db,
      hashSecret(token),
      this.clock.now().toISOString(),
    );
    const agent = agentId ? await this.agents.findActiveAgent(agentId) : null;
    if (!agent) throw new KefuError('invalid_token');
    return this.identify(agent);
  }

  /** Ends every live session of an agent, inside the caller's transaction. */
  async endSessionsOf(trx: DbExecutor, agentId: string, now: string): Promise<void> {
    await sessionsRepo.revokeSessionsOfAgent(trx, agentId, now);
  }

  async logout(token: string): Promise<void> {
    await sessionsRepo.revokeSession(this.db, hashSecret(token), this.clock.now().toISOString());
  }

  /** A token acts for its creator with its scopes, never more than the creator still holds. */
  private async authenticateApiToken(secret: string): Promise<AuthenticatedAgent> {
    const token = await this.apiTokens.verify(secret);
    const creator = await this.agents.findActiveAgent(token.creatorId);
    if (!creator) throw new KefuError('invalid_token');
    const held = await this.roles.permissionsOf(creator.role, creator.customRoleId);
    return {
      id: creator.id,
      email: creator.email,
      displayName: creator.displayName,
      role: creator.role,
      permissions: new Set([...token.scopes].filter((scope) => held.has(scope))),
      teamIds: await listTeamIdsOfAgent(this.db, creator.id),
      apiToken: { id: token.id, name: token.name },
      mustEnrolTwoFactor: false,
    };
  }

  private async identify(agent: AgentIdentity): Promise<AuthenticatedAgent> {
    return {
      id: agent.id,
      email: agent.email,
      displayName: agent.displayName,
      role: agent.role,
      permissions: await this.roles.permissionsOf(agent.role, agent.customRoleId),
      teamIds: await listTeamIdsOfAgent(this.db, agent.id),
      apiToken: null,
      mustEnrolTwoFactor: await this.twoFactor.mustEnrol(agent),
    };
  }

  private async startSession(
    profile: AgentIdentity,
    origin: SignInOrigin,
    secondFactor?: 'totp' | 'recovery_code',
  ): Promise<AgentSession> {
    const agent = await this.identify(profile);
    const token = `kefu_${randomBytes(32).toString('base64url')}`;
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + sessionLifetimeMs).toISOString();
    await sessionsRepo.insertSession(this.db, {
      id: newId('ses'),
      agent_id: agent.id,
      token_hash: hashSecret(token),
      created_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    });
    const data = { address: origin.address, ...(secondFactor && { secondFactor }) };
    await recordAudit(
      this.db,
      {
        actorType: 'agent',
        actorId: agent.id,
        action: 'auth.signed_in',
        targetType: 'agent',
        targetId: agent.id,
        data,
      },
      now,
    );
    return { token, expiresAt, agent };
  }

  private async recordFailure(
    email: string,
    address: string,
    step: 'password' | 'two_factor',
  ): Promise<void> {
    const keys = LoginThrottle.keysOf(email, address);
    const failure = await this.throttle.recordFailure(keys);
    const known = await this.agents.findAgentByEmail(email);
    await recordFailedSignIn(this.db, this.clock.now(), { known, address, step, failure });
  }
}
